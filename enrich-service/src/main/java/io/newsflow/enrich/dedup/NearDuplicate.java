package io.newsflow.enrich.dedup;

/** A stored article verified to be a near-duplicate of the one being stored. */
public record NearDuplicate(String articleId, double similarity) {
}
