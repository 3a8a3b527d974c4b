package io.newsflow.query.freshness;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What the API answers from memory (the watermark, the backlog) is read by one daemon thread each, never by a request. */
public final class Refreshers {

    private Refreshers() {
    }

    /** Runs {@code refresh} now and then {@code period} after each run ends, on a daemon thread named {@code name}. */
    public static ScheduledExecutorService every(String name, Duration period, Runnable refresh) {
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return refresher;
    }
}
