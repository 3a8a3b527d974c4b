package io.newsflow.query.stats;

import java.time.Instant;

/** Totals over the whole store; lastIngestedAt is null while it is empty. */
public record Stats(long articles, long duplicatesDropped, long nearDuplicates, long languages, long entities,
                    Instant lastIngestedAt) {
}
