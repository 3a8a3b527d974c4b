package io.newsflow.ingest.watch;

import io.newsflow.ingest.IngestConfig;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The data root's folders, and moves into them that never overwrite an earlier file of the same name. */
@ApplicationScoped
public class InboxFolders {

    /** What {@code FileIngestService} writes beside a failed file. */
    public static final String ERROR_SUFFIX = ".error.json";
    /** A report's name, with the number {@link #moveUnique} adds on a clash. */
    static final Pattern REPORT = Pattern.compile("\\.error(-\\d+)?\\.json\\z");

    private final Path inbox;
    private final Path processed;
    private final Path failed;
    private final Clock clock;

    public InboxFolders(IngestConfig config, Clock clock) {
        Path root = config.dataDir().toAbsolutePath().normalize();
        this.inbox = root.resolve("inbox");
        this.processed = root.resolve("processed");
        this.failed = root.resolve("failed");
        this.clock = clock;
        try {
            Files.createDirectories(inbox);
            Files.createDirectories(processed);
            Files.createDirectories(failed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folders under " + root, e);
        }
    }

    public Path inbox() {
        return inbox;
    }

    public Path processed() {
        return processed;
    }

    public Path failed() {
        return failed;
    }

    /** Files in failed/ (their {@code .error.json} reports and markers not counted): each waits for a person to mend, requeue or delete it. */
    public long countFailed() throws IOException {
        return regularFilesBelow(failed).stream().filter(f -> !InboxScanner.bookkeeping(f.getFileName().toString())).count();
    }

    /** The regular files below {@code root}, links not followed; {@code Files.walk} would fail on one moved away meanwhile. */
    static List<Path> regularFilesBelow(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new VanishedFilesSkipped(root) {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** To {@code processed/YYYY-MM-DD/<name>}, {@code name} being the file's path inside the inbox. */
    public Path moveToProcessed(Path file, String name) throws IOException {
        return moveUnique(file, processed.resolve(LocalDate.now(clock).toString()).resolve(name));
    }

    public Path moveToFailed(Path file, String name) throws IOException {
        return moveUnique(file, failed.resolve(name));
    }

    /** {@code a.txt}, then {@code a-1.txt}, {@code a-2.txt}, …: a clash never replaces what is there. */
    public static Path moveUnique(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path candidate = target;
        for (int n = 1; ; n++) {
            try {
                // Without REPLACE_EXISTING a move fails on an existing target instead of replacing it.
                return Files.move(source, candidate);
            } catch (FileAlreadyExistsException taken) {
                candidate = target.resolveSibling(stem + "-" + n + extension);
            }
        }
    }
}
