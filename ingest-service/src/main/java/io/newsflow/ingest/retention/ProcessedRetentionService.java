package io.newsflow.ingest.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.watch.InboxFolders;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * With {@code NEWSFLOW_INBOX_PROCESSED_RETENTION_DAYS} above 0, deletes what processed/ holds once it is older than
 * that, at start and every hour. Age is the day folder's ({@code processed/YYYY-MM-DD/}, the day the file was
 * processed), not a file's modification time, which a move keeps from the file's producer: an old file dropped today
 * stays its full term. Only folders past the cutoff are walked, so a sweep costs what it deletes, whatever processed/
 * holds. Replicas sharing the folder may sweep at once: a file another one deleted first is skipped, not counted.
 */
@ApplicationScoped
public class ProcessedRetentionService {

    private static final Logger LOG = Logger.getLogger(ProcessedRetentionService.class);

    private final InboxFolders folders;
    private final int days;
    private final Clock clock;
    private final Counter deleted;

    public ProcessedRetentionService(InboxFolders folders, IngestConfig config, Clock clock, MeterRegistry metrics) {
        this.folders = folders;
        this.days = config.inbox().processedRetentionDays();
        this.clock = clock;
        this.deleted = Counter.builder("newsflow.processed.files.deleted")
                .description("Files deleted from processed/ by NEWSFLOW_INBOX_PROCESSED_RETENTION_DAYS").register(metrics);
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledSweep() {
        if (days > 0) {
            sweep();
        }
    }

    /** Deletes the day folders older than the retention; returns how many files went. */
    public long sweep() {
        // A folder's newest file was processed before the next midnight: it is wholly older than N days
        // once N days have passed since then.
        LocalDate keepFrom = LocalDate.now(clock).minusDays(days);
        AtomicLong count = new AtomicLong();
        try (DirectoryStream<Path> dayFolders = Files.newDirectoryStream(folders.processed(), Files::isDirectory)) {
            for (Path dayFolder : dayFolders) {
                LocalDate day = day(dayFolder);
                if (day != null && day.isBefore(keepFrom)) {
                    count.addAndGet(delete(dayFolder));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("processed/ retention sweep stopped early: %s", e.toString());
        }
        deleted.increment(count.get());
        LOG.infof("processed/ retention: deleted %d file(s) processed before %s (NEWSFLOW_INBOX_PROCESSED_RETENTION_DAYS=%d)",
                count.get(), keepFrom, days);
        return count.get();
    }

    private static long delete(Path dayFolder) throws IOException {
        AtomicLong count = new AtomicLong();
        Files.walkFileTree(dayFolder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (Files.deleteIfExists(file)) {
                    count.incrementAndGet();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // deleted by another replica's sweep meanwhile
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                try {
                    Files.deleteIfExists(dir);
                } catch (DirectoryNotEmptyException | NoSuchFileException raced) {
                    // a replica is still deleting in it, or was first: its sweep or the next one finishes
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return count.get();
    }

    /** The date a day folder is named by; null for anything else, which retention leaves alone. */
    private static LocalDate day(Path folder) {
        try {
            return LocalDate.parse(folder.getFileName().toString());
        } catch (DateTimeParseException notADayFolder) {
            return null;
        }
    }
}
