package io.newsflow.enrich.reenrich;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** One re-enrichment run and its progress, written by the worker thread and read by requests. */
final class ReenrichJob {

    enum State { RUNNING, SUCCEEDED, FAILED }

    final String id = UUID.randomUUID().toString();
    final ReenrichScope scope;
    final ReenrichStatus.Versions versions;
    final Instant startedAt = Instant.now();
    final AtomicLong changed = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    volatile long total;
    volatile State state = State.RUNNING;
    volatile Instant finishedAt;
    volatile String error;

    ReenrichJob(ReenrichScope scope, ReenrichStatus.Versions versions) {
        this.scope = scope;
        this.versions = versions;
    }

    void finish(State outcome, String why) {
        error = why;
        finishedAt = Instant.now();
        state = outcome;
    }

    ReenrichStatus status() {
        long c = changed.get();
        long u = unchanged.get();
        long f = failed.get();
        return new ReenrichStatus(id, scope.name().toLowerCase(Locale.ROOT), state.name(), versions, total, c + u + f, c, u, f, startedAt, finishedAt, error);
    }
}
