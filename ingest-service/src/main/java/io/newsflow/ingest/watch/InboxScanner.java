package io.newsflow.ingest.watch;

import io.newsflow.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the files of the inbox that may be articles: regular files only (a symbolic link, FIFO or
 * device is never opened, so nothing outside the inbox can be read through it), not hidden or
 * temporary anywhere on their path, not newsflow's own bookkeeping ({@code .error.json} reports and
 * {@code .done} markers, in any mode), matching the include globs and none of the exclude globs.
 */
@ApplicationScoped
public class InboxScanner {

    private static final Logger LOG = Logger.getLogger(InboxScanner.class);
    public static final String MARKER_SUFFIX = ".done";

    /** A file as seen on one scan; {@code marked} when its {@code .done} marker exists. */
    public record Candidate(Path path, long size, Instant modified, boolean marked) {
    }

    private final Path inbox;
    private final List<PathMatcher> include;
    private final List<PathMatcher> exclude;
    private final boolean markerMode;

    public InboxScanner(InboxFolders folders, IngestConfig config) {
        this.inbox = folders.inbox();
        this.include = config.inbox().include().stream().map(InboxScanner::glob).toList();
        this.exclude = config.inbox().exclude().orElse(List.of()).stream().map(InboxScanner::glob).toList();
        this.markerMode = config.inbox().markerMode();
    }

    public List<Candidate> candidates() {
        List<Candidate> found = new ArrayList<>();
        try {
            // walkFileTree without FOLLOW_LINKS reports links as files of their own and never enters linked folders.
            Files.walkFileTree(inbox, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(inbox) || !hidden(inbox.relativize(dir)) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && accepted(inbox.relativize(file))) {
                        boolean marked = markerMode && Files.exists(file.resolveSibling(file.getFileName() + MARKER_SUFFIX));
                        found.add(new Candidate(file, attrs.size(), attrs.lastModifiedTime().toInstant(), marked));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a file deleted or claimed between listing and reading: not an error
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("inbox scan of %s failed: %s", inbox, e.toString());
        }
        return found;
    }

    private boolean accepted(Path relative) {
        if (hidden(relative) || bookkeeping(relative.getFileName().toString())) {
            return false;
        }
        // Glob wildcards never match a control character (they become '.' in a regex), yet names may hold newlines.
        Path matchable = Path.of(relative.toString().replaceAll("\\p{Cntrl}", "_"));
        return include.stream().anyMatch(m -> m.matches(matchable)) && exclude.stream().noneMatch(m -> m.matches(matchable));
    }

    /** Hidden or temporary anywhere on the path: {@code .*}, {@code *.part}, {@code *.tmp}, {@code *.crdownload}, {@code *~}. */
    public static boolean hidden(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith(".crdownload") || name.endsWith("~")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code .done} marker or an error report, numbered variants included ({@code a.txt.error-1.json}, left by
     * versions that took reports moved back into the inbox as inputs): never an input, never a failed file.
     */
    public static boolean bookkeeping(String fileName) {
        return fileName.endsWith(MARKER_SUFFIX) || InboxFolders.REPORT.matcher(fileName).find();
    }

    static PathMatcher glob(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + pattern.strip());
    }
}
