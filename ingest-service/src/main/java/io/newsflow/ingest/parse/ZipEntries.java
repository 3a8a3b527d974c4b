package io.newsflow.ingest.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files inside a zip archive, read under limits that hold whatever the archive's headers
 * claim: entry count, total bytes actually inflated, and inflation ratio (a zip bomb trips one of
 * them long before it fills memory).
 */
public final class ZipEntries {

    public record Limits(int maxEntries, long maxTotalBytes, int maxRatio) {
    }

    public record Entry(String name, byte[] content) {
    }

    private ZipEntries() {
    }

    public static List<Entry> read(byte[] archive, Limits limits) throws ParseException {
        List<Entry> entries = new ArrayList<>();
        boolean sawEntry = false;
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                sawEntry = true;
                if (entry.isDirectory() || ignored(entry.getName())) {
                    continue;
                }
                if (entries.size() >= limits.maxEntries()) {
                    throw new ParseException("zip-limit", "the archive has more than " + limits.maxEntries() + " files");
                }
                long allowed = Math.min(limits.maxTotalBytes() - total, (long) archive.length * limits.maxRatio());
                byte[] content = readAtMost(zip, allowed, entry.getName(), limits);
                total += content.length;
                entries.add(new Entry(entry.getName(), content));
            }
        } catch (IOException e) {
            throw new ParseException("invalid-zip", "the archive cannot be read: " + e.getMessage());
        }
        if (!sawEntry) {
            throw new ParseException("invalid-zip", "the file is not a zip archive, or an empty one");
        }
        if (entries.isEmpty()) {
            throw new ParseException("no-article", "the archive holds no files");
        }
        return entries;
    }

    private static byte[] readAtMost(InputStream in, long allowed, String name, Limits limits) throws IOException, ParseException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > allowed) {
                throw new ParseException("zip-limit", "inflating '" + name + "' exceeds the archive limits (at most "
                        + limits.maxTotalBytes() + " bytes in all and " + limits.maxRatio() + " times the archive's size)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** macOS resource forks and hidden files are not articles. */
    private static boolean ignored(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || base.startsWith(".");
    }
}
