package io.newsflow.enrich.deadletter;

/**
 * @param replayed      records published to the raw topic again
 * @param alreadyStored dead letters skipped because their event has been stored since (by an earlier replay)
 */
public record ReplayResult(long replayed, long alreadyStored) {
}
