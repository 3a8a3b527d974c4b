package io.newsflow.query.freshness;

import java.time.Instant;

/**
 * The data watermark enrich-service bumps in every transaction that changes what this API answers
 * (table {@code data_watermark}, migration V4).
 *
 * @param version   grows with every such transaction
 * @param changedAt when the last one ran
 */
public record Watermark(long version, Instant changedAt) {
}
