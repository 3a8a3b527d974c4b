package io.newsflow.query.stats;

import io.newsflow.query.pipeline.PipelineStatus;

import java.time.Instant;

/**
 * Totals over the whole store; lastIngestedAt is null while it is empty. nearDuplicates counts the
 * articles that are a near-duplicate of an earlier one (every cluster member but its canonical);
 * entities counts the distinct canonical entities. dataChangedAt is when enrichment last changed
 * anything this API answers (a stored article, a dropped duplicate, a re-enrichment): what a
 * dashboard shows as "data last changed". pipeline is what has not reached the store yet (an extension of
 * the contract's /stats: the fields before it are unchanged).
 */
public record Stats(long articles, long duplicatesDropped, long nearDuplicates, long languages, long entities,
                    Instant lastIngestedAt, Instant dataChangedAt, PipelineStatus pipeline) {
}
