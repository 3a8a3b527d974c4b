package io.newsflow.enrich.failure;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs work until it succeeds or fails for good. A transient failure (database or broker away, lock or
 * statement timeout) is waited out with a capped, doubling back-off, without limit, while the caller's
 * partition makes no progress; a conflict is tried a few times; anything else is thrown at once as a
 * {@link DeadLetterException}. Readiness shows who waits for what, and {@code newsflow.enrich.transient.waits}
 * counts the waits.
 */
@ApplicationScoped
public class TransientWaits {

    private static final Logger LOG = Logger.getLogger(TransientWaits.class);

    /** Attempts for a conflict: a competing writer's row is visible to the next one; a conflict that repeats is a bug. */
    static final int CONFLICT_ATTEMPTS = 3;

    /** What one worker waits for, shown by readiness. */
    public record Waiting(String worker, String waitingFor, Instant since, int attempts, String lastFailure) {
    }

    private final RetryConfig retry;
    private final MeterRegistry metrics;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public TransientWaits(RetryConfig retry, MeterRegistry metrics) {
        this.retry = retry;
        this.metrics = metrics;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public Collection<Waiting> waiting() {
        return List.copyOf(waiting.values());
    }

    /**
     * @param what named in the log lines, e.g. {@code event=… article=…}
     * @throws DeadLetterException         for a failure no retry can mend
     * @throws ShutdownInProgressException when the service stops while waiting
     */
    public <T> T run(String what, Supplier<T> work) {
        String worker = Thread.currentThread().getName();
        Duration backoff = retry.initialBackoff();
        int conflicts = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.get();
                Waiting waited = waiting.remove(worker);
                if (waited != null) {
                    LOG.infof("%s: %s is back after %d s and %d attempts", what, waited.waitingFor(),
                            Duration.between(waited.since(), Instant.now()).toSeconds(), waited.attempts());
                }
                return result;
            } catch (DeadLetterException | ShutdownInProgressException e) {
                throw e;
            } catch (RuntimeException e) {
                Failure failure = FailureClassifier.classify(e);
                if (failure.kind() == FailureKind.DETERMINISTIC
                        || (failure.kind() == FailureKind.CONFLICT && ++conflicts >= CONFLICT_ATTEMPTS)) {
                    waiting.remove(worker);
                    throw new DeadLetterException(failure, e);
                }
                String waitingFor = failure.waitingFor() != null ? failure.waitingFor() : "conflict";
                Waiting before = waiting.get(worker);
                waiting.put(worker, new Waiting(worker, waitingFor, before != null ? before.since() : Instant.now(), attempt,
                        failure.exceptionClass() + ": " + failure.message()));
                metrics.counter("newsflow.enrich.transient.waits", "waiting_for", waitingFor).increment();
                // Once per outage, not once per attempt: a database away for minutes would flood the log.
                if (before == null) {
                    LOG.warnf("%s: waiting for %s (%s: %s); retrying every %d ms at most, without limit",
                            what, waitingFor, failure.exceptionClass(), failure.message(), retry.maxBackoff().toMillis());
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** Sleeps in short steps, so that a stopping service does not wait out a long back-off. */
    private void pause(Duration backoff) {
        long until = System.nanoTime() + backoff.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.max(1, Math.min(100, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
        if (stopping) {
            waiting.remove(Thread.currentThread().getName());
            throw new ShutdownInProgressException();
        }
    }
}
