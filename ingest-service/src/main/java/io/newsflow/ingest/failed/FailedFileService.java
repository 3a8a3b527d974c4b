package io.newsflow.ingest.failed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.watch.InboxFolders;
import io.newsflow.ingest.watch.InboxScanner;
import io.newsflow.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The files in failed/, read with their reports, and their requeue: each moves back into the inbox and its report
 * is removed, so the watcher takes it as a new file. Several replicas may share the data folder: a move is a
 * rename, which exactly one replica wins; the others find the file gone and say so.
 */
@ApplicationScoped
public class FailedFileService {

    private static final Logger LOG = Logger.getLogger(FailedFileService.class);
    static final String NO_REPORT = "unknown";

    /** A failed file as last read, and the file and report states it was read from. */
    private record Read(FileTime modified, long size, FileTime reportModified, long reportSize, FailedFile file) {
    }

    private final InboxFolders folders;
    private final IngestConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    /**
     * Reports read before, by name: a listing parses only the reports that appeared or changed since, so that
     * thousands of failed files cost a directory walk, not thousands of JSON reads, on every poll.
     */
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    public FailedFileService(InboxFolders folders, IngestConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.folders = folders;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
    }

    /** The newest {@code limit} failed files with {@code reason} (any when null), and every reason's count. */
    public FailedFileList list(String reason, int limit) throws IOException {
        List<FailedFile> all = readAll();
        Map<String, Long> reasons = new TreeMap<>();
        all.forEach(f -> reasons.merge(f.reason(), 1L, Long::sum));
        List<FailedFile> matching = all.stream().filter(f -> reason == null || f.reason().equals(reason)).toList();
        return new FailedFileList(matching.size(), reasons, matching.stream().limit(limit).toList());
    }

    public RequeueResult requeueAll() throws IOException {
        return requeue(readAll().stream().map(FailedFile::name).toList());
    }

    public RequeueResult requeueByReason(String reason) throws IOException {
        return requeue(readAll().stream().filter(f -> f.reason().equals(reason)).map(FailedFile::name).toList());
    }

    /** Every name must be a failed file's, or nothing is requeued. */
    public RequeueResult requeueByName(List<String> names) throws IOException {
        return requeue(existing(names));
    }

    private RequeueResult requeue(List<String> names) throws IOException {
        List<RequeueResult.Requeued> requeued = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (String name : names) {
            Path file = folders.failed().resolve(name);
            Path target;
            try {
                target = InboxFolders.moveUnique(file, folders.inbox().resolve(name));
            } catch (NoSuchFileException movedByAnotherReplica) {
                gone.add(name);
                continue;
            }
            String inboxName = slashed(folders.inbox().relativize(target));
            Files.deleteIfExists(report(file));
            Path marker = file.resolveSibling(file.getFileName() + InboxScanner.MARKER_SUFFIX);
            Path inboxMarker = target.resolveSibling(target.getFileName() + InboxScanner.MARKER_SUFFIX);
            if (Files.exists(marker)) {
                InboxFolders.moveUnique(marker, inboxMarker);
            } else if (config.inbox().markerMode() && Files.notExists(inboxMarker)) {
                // Requeuing says the file is complete: in marker mode it needs its marker to be taken at all.
                Files.createFile(inboxMarker);
            }
            LOG.infof("file=%s outcome=requeued inbox=%s", name, inboxName);
            requeued.add(new RequeueResult.Requeued(name, inboxName));
        }
        metrics.counter("newsflow.ingest.files.requeued").increment(requeued.size());
        return new RequeueResult(requeued, gone);
    }

    /** The named files, each checked to be a failed file: a name is refused rather than guessed at. */
    private List<String> existing(List<String> names) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Path file = resolve(name);
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                unknown.add("'" + name + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("No failed file named " + String.join(", ", unknown)
                    + "; GET /admin/failed lists their names. Nothing was requeued.");
        }
        return names.stream().distinct().toList();
    }

    /**
     * A name as the list gives it: a path inside failed/, segments separated by {@code /}. Anything that could point
     * elsewhere ({@code ..}, {@code .}, an absolute path, a backslash, an empty segment, a control character), a hidden
     * or temporary name, a report or a marker is refused.
     */
    private Path resolve(String name) {
        if (name.isBlank() || name.startsWith("/") || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)) {
            throw badName(name);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw badName(name);
            }
        }
        Path relative = Path.of(name);
        if (InboxScanner.hidden(relative) || InboxScanner.bookkeeping(relative.getFileName().toString())) {
            throw badName(name);
        }
        Path file = folders.failed().resolve(relative).normalize();
        if (!file.startsWith(folders.failed())) {
            throw badName(name);
        }
        return file;
    }

    private static ProblemException badName(String name) {
        return ProblemException.badRequest("'" + name.replaceAll("\\p{Cntrl}", "?") + "' is not the name of a failed file: give its path inside "
                + "failed/ as GET /admin/failed lists it, without '..', '.', a leading '/' or a backslash.");
    }

    /** Every failed file, newest first; reports and markers are read with their file, not listed. */
    private List<FailedFile> readAll() throws IOException {
        List<FailedFile> found = new ArrayList<>();
        Path failed = folders.failed();
        Files.walkFileTree(failed, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String fileName = file.getFileName().toString();
                if (attrs.isRegularFile() && !InboxScanner.bookkeeping(fileName) && !InboxScanner.hidden(failed.relativize(file))) {
                    found.add(cachedRead(slashed(failed.relativize(file)), file, attrs));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // requeued or deleted by someone else while we looked: not an error
                return FileVisitResult.CONTINUE;
            }
        });
        reads.keySet().retainAll(found.stream().map(FailedFile::name).collect(Collectors.toSet()));
        found.sort(Comparator.comparing(FailedFile::failedAt).reversed().thenComparing(FailedFile::name));
        return found;
    }

    /** The file as read before when neither it nor its report changed since; read again otherwise. */
    private FailedFile cachedRead(String name, Path file, BasicFileAttributes attrs) {
        FileTime reportModified = null;
        long reportSize = -1;
        try {
            BasicFileAttributes report = Files.readAttributes(report(file), BasicFileAttributes.class);
            reportModified = report.lastModifiedTime();
            reportSize = report.size();
        } catch (IOException noReport) {
            // read() says so in the listing
        }
        Read before = reads.get(name);
        if (before != null && before.modified().equals(attrs.lastModifiedTime()) && before.size() == attrs.size()
                && Objects.equals(before.reportModified(), reportModified) && before.reportSize() == reportSize) {
            return before.file();
        }
        FailedFile read = read(name, file, attrs);
        reads.put(name, new Read(attrs.lastModifiedTime(), attrs.size(), reportModified, reportSize, read));
        return read;
    }

    private FailedFile read(String name, Path file, BasicFileAttributes attrs) {
        Instant modified = attrs.lastModifiedTime().toInstant();
        JsonNode report;
        try {
            report = json.readTree(report(file).toFile());
        } catch (IOException noOrBrokenReport) {
            return new FailedFile(name, attrs.size(), modified, NO_REPORT, null, "no readable " + InboxFolders.ERROR_SUFFIX + " report beside the file");
        }
        Instant failedAt = modified;
        try {
            failedAt = Instant.parse(report.path("time").asText());
        } catch (DateTimeParseException notATime) {
            // a report edited by hand: the file's own time is the best there is
        }
        return new FailedFile(name, attrs.size(), failedAt, report.path("reason").asText(NO_REPORT), text(report, "stage"), text(report, "message"));
    }

    private static String text(JsonNode report, String field) {
        JsonNode value = report.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Path report(Path file) {
        return file.resolveSibling(file.getFileName() + InboxFolders.ERROR_SUFFIX);
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
