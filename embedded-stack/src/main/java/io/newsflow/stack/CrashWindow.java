package io.newsflow.stack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** The supervisor's patience with one component: so many crashes within a sliding window, then no more restarts. */
final class CrashWindow {

    private final int limit;
    private final long windowNanos;
    private final Deque<Long> crashes = new ArrayDeque<>();

    CrashWindow(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** @return true when this crash is the limit's within the window: stop restarting */
    boolean crashedAt(long nanoTime) {
        crashes.addLast(nanoTime);
        while (nanoTime - crashes.peekFirst() > windowNanos) {
            crashes.removeFirst();
        }
        return crashes.size() >= limit;
    }
}
