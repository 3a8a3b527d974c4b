package io.newsflow.ingest.watch;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds complete files in the inbox and hands each to {@link FileIngestService} once.
 *
 * <p>A file is complete when its size and mtime were the same on two looks and are older than the
 * minimum age (or, in marker mode, when {@code <name>.done} exists). Looks come from a full scan at
 * start, a periodic rescan, and native file events, which only make the next scan come sooner:
 * events are lost on bind mounts and network filesystems, scans are not. Reading, parsing and
 * publishing run on a worker pool, so a slow or huge file never holds up the others.
 */
@ApplicationScoped
public class InboxWatcher {

    private static final Logger LOG = Logger.getLogger(InboxWatcher.class);
    private static final Duration EVENT_DEBOUNCE = Duration.ofMillis(50);

    private record Look(long size, Instant modified) {
    }

    private record Retry(Instant notBefore, Duration backoff) {
    }

    private final InboxFolders folders;
    private final InboxScanner scanner;
    private final InboxClaims claims;
    private final FileIngestService ingest;
    private final IngestConfig config;
    private final Clock clock;
    private final Map<Path, Look> looks = new ConcurrentHashMap<>();
    private final Map<Path, Retry> retries = new ConcurrentHashMap<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final Semaphore inFlight;
    /** Complete files were left waiting for room in flight: scan again as soon as room frees up. */
    private final AtomicBoolean starved = new AtomicBoolean();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private ScheduledFuture<?> nextScan;
    private Instant nextScanAt = Instant.MAX;
    private WatchService watchService;

    public InboxWatcher(InboxFolders folders, InboxScanner scanner, InboxClaims claims, FileIngestService ingest,
                        IngestConfig config, Clock clock, MeterRegistry metrics) {
        this.folders = folders;
        this.scanner = scanner;
        this.claims = claims;
        this.ingest = ingest;
        this.config = config;
        this.clock = clock;
        this.inFlight = new Semaphore(config.inbox().maxInFlight());
        metrics.gauge("newsflow.ingest.inbox.backlog", backlog);
        metrics.gauge("newsflow.ingest.files.in.flight", inFlight, s -> config.inbox().maxInFlight() - s.availablePermits());
    }

    void start(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "inbox-scan"));
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.inbox().workers(), r -> new Thread(r, "inbox-worker-" + n.incrementAndGet()));
        startWatching();
        scheduleScan(Duration.ZERO);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
            workers.shutdown();
            try {
                // Let files being read and parsed reach the publisher. A file still unacknowledged when the process
                // ends stays in this replica's claim folder and returns to the inbox after the claim timeout.
                workers.awaitTermination(config.inbox().publishTimeout().toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException ignored) {
                // closing a watch service has nothing to report
            }
        }
    }

    /** Files whose publication failed and that wait for their retry: readiness reports them. */
    public int waitingForRetry() {
        return retries.size();
    }

    /** The inbox's backlog as of the last scan, with the files being read or awaiting Kafka's acknowledgement now. */
    public InboxStatus status() throws IOException {
        return new InboxStatus(backlog.get(), config.inbox().maxInFlight() - inFlight.availablePermits(), retries.size(),
                folders.countFailed());
    }

    private synchronized void scheduleScan(Duration delay) {
        Instant at = clock.instant().plus(delay);
        if (nextScan != null && !nextScan.isDone() && !at.isBefore(nextScanAt)) {
            return;
        }
        if (nextScan != null) {
            nextScan.cancel(false);
        }
        nextScanAt = at;
        nextScan = scheduler.schedule(this::scanSafely, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void scanSafely() {
        Duration next = config.inbox().scanInterval();
        try {
            next = scan();
        } catch (RuntimeException e) {
            LOG.errorf(e, "inbox scan failed; next scan in %s", next);
        } finally {
            synchronized (this) {
                nextScan = null;
                nextScanAt = Instant.MAX;
            }
            if (!scheduler.isShutdown()) {
                scheduleScan(next);
            }
        }
    }

    /** One look at every file; returns when to look again. */
    Duration scan() {
        claims.heartbeat();
        claims.recoverAbandoned();
        Instant now = clock.instant();
        Duration next = config.inbox().scanInterval();
        Set<Path> present = new HashSet<>();
        int waiting = 0;
        for (InboxScanner.Candidate candidate : scanner.candidates()) {
            Path file = candidate.path();
            present.add(file);
            Look look = new Look(candidate.size(), candidate.modified());
            Look previous = looks.put(file, look);
            Instant readyAt = look.modified().plus(config.inbox().minAge());
            boolean complete = config.inbox().markerMode() ? candidate.marked() : look.equals(previous) && !readyAt.isAfter(now);
            Retry retry = retries.get(file);
            if (complete && (retry == null || !now.isBefore(retry.notBefore()))) {
                if (!dispatch(file, retry)) {
                    waiting++;
                }
            } else {
                waiting++;
                // Come back as soon as this file can be complete rather than a whole interval later.
                Instant due = retry != null ? retry.notBefore() : (look.equals(previous) ? readyAt : now.plus(config.inbox().minAge()));
                Duration until = Duration.between(now, due);
                if (until.compareTo(next) < 0) {
                    next = until.compareTo(EVENT_DEBOUNCE) < 0 ? EVENT_DEBOUNCE : until;
                }
            }
        }
        looks.keySet().retainAll(present);
        retries.keySet().retainAll(present);
        backlog.set(waiting);
        return next;
    }

    /** Claims the file and queues it for a worker; false when too many files are in flight already. */
    private boolean dispatch(Path file, Retry retry) {
        if (!inFlight.tryAcquire()) {
            starved.set(true);
            return false;
        }
        Path claimed;
        try {
            claimed = claims.claim(file).orElse(null);
        } catch (IOException e) {
            inFlight.release();
            LOG.warnf("cannot claim %s: %s", file, e.toString());
            return false;
        }
        looks.remove(file);
        if (claimed == null) {
            inFlight.release();
            retries.remove(file);
            return true;
        }
        workers.execute(() -> ingest.ingest(claimed).whenComplete((outcome, failure) -> {
            inFlight.release();
            // A burst larger than the in-flight limit goes on at the pace of acknowledgements, not of the scan interval.
            if (inFlight.availablePermits() >= config.inbox().maxInFlight() / 2 && starved.compareAndSet(true, false)) {
                scheduleScan(EVENT_DEBOUNCE);
            }
            if (outcome == FileIngestService.Outcome.RETRY || failure != null) {
                Duration backoff = retry == null ? config.inbox().retryBackoff() : min(retry.backoff().multipliedBy(2), config.inbox().retryMaxBackoff());
                retries.put(file, new Retry(clock.instant().plus(backoff), backoff));
            } else {
                retries.remove(file);
            }
        }));
        return true;
    }

    private void startWatching() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            register(folders.inbox());
            Thread thread = new Thread(this::watchLoop, "inbox-events");
            thread.setDaemon(true);
            thread.start();
        } catch (IOException e) {
            LOG.warnf("native file events unavailable (%s); relying on scans every %s", e.toString(), config.inbox().scanInterval());
        }
    }

    /**
     * Watches the folder and every folder below it that is not hidden. {@code Files.walk} threw an unchecked error
     * for a {@code .part} renamed during the walk, which ended the thread that watches for events.
     */
    private void register(Path dir) throws IOException {
        Files.walkFileTree(dir, new VanishedFilesSkipped(dir) {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (InboxScanner.hidden(folders.inbox().relativize(d))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                d.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void watchLoop() {
        while (true) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path dir = (Path) key.watchable();
            for (var event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                    Path created = dir.resolve(name);
                    if (Files.isDirectory(created, LinkOption.NOFOLLOW_LINKS) && !InboxScanner.hidden(folders.inbox().relativize(created))) {
                        try {
                            register(created);
                        } catch (IOException e) {
                            LOG.debugf("cannot watch new folder %s: %s", created, e.toString());
                        }
                    }
                }
            }
            key.reset();
            scheduleScan(EVENT_DEBOUNCE);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
