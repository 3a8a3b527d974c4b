package io.newsflow.ingest.watch;

import io.newsflow.ingest.IngestConfig;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Scans the inbox (recursively) and hands over each file that is complete: a regular file, not a
 * hidden or temporary name, whose size and mtime were the same on two scans and are older than
 * the minimum age. Symbolic links are never followed.
 */
@ApplicationScoped
public class InboxWatcher {

    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);

    /** What a file looked like on the previous scan; unchanged on this one means complete. */
    private record Look(long size, Instant modified) {
    }

    private record Retry(Instant notBefore, Duration backoff) {
    }

    private final InboxFolders folders;
    private final FileIngestService ingest;
    private final IngestConfig config;
    private final Clock clock;
    private final Map<Path, Look> looks = new ConcurrentHashMap<>();
    private final Map<Path, Retry> retries = new ConcurrentHashMap<>();

    public InboxWatcher(InboxFolders folders, FileIngestService ingest, IngestConfig config, Clock clock) {
        this.folders = folders;
        this.ingest = ingest;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${newsflow.inbox.scan-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        Instant now = clock.instant();
        Set<Path> present = new HashSet<>();
        for (Path file : candidates()) {
            present.add(file);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException vanished) {
                continue;
            }
            Look look = new Look(attributes.size(), attributes.lastModifiedTime().toInstant());
            Look previous = looks.put(file, look);
            boolean settled = look.equals(previous) && !look.modified().plus(config.inbox().minAge()).isAfter(now);
            Retry retry = retries.get(file);
            if (settled && (retry == null || !now.isBefore(retry.notBefore()))) {
                handle(file, retry, now);
            }
        }
        looks.keySet().retainAll(present);
        retries.keySet().retainAll(present);
    }

    private void handle(Path file, Retry retry, Instant now) {
        FileIngestService.Outcome outcome = ingest.ingest(file);
        if (outcome == FileIngestService.Outcome.RETRY) {
            Duration backoff = retry == null ? config.inbox().retryBackoff() : min(retry.backoff().multipliedBy(2), config.inbox().retryMaxBackoff());
            retries.put(file, new Retry(now.plus(backoff), backoff));
        } else {
            looks.remove(file);
            retries.remove(file);
        }
    }

    /** Files waiting for a retry after a failed publication: readiness reports them, so an operator sees a stuck inbox. */
    public int waitingForRetry() {
        return retries.size();
    }

    private List<Path> candidates() {
        try (Stream<Path> walk = Files.walk(folders.inbox())) {
            return walk.filter(p -> !p.equals(folders.inbox()))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !ignoredName(folders.inbox().relativize(p)))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warnf("inbox scan failed: %s", e.toString());
            return List.of();
        }
    }

    /** Hidden or temporary anywhere on the path: {@code .*}, {@code *.part}, {@code *.tmp}, {@code *.crdownload}, {@code *~}. */
    static boolean ignoredName(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp") || name.endsWith(".crdownload") || name.endsWith("~")) {
                return true;
            }
        }
        return false;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
