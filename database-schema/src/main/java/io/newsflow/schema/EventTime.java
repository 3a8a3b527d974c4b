package io.newsflow.schema;

import java.time.Instant;

/**
 * An article's time on timelines and in rollup buckets: when it was published, else when it was
 * ingested. The database computes it as {@code article.event_time} (V1, a generated column); code
 * that needs it before the row is read back (entity and theme rows carry it) uses this.
 */
public final class EventTime {

    private EventTime() {
    }

    public static Instant of(Instant publishedAt, Instant ingestedAt) {
        return publishedAt != null ? publishedAt : ingestedAt;
    }
}
