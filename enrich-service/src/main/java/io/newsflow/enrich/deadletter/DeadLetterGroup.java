package io.newsflow.enrich.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * The dead letters of one failure, as {@code GET /admin/dead-letters} lists them.
 *
 * @param records  dead-lettered records with this fingerprint (a record dead-lettered again after a replay counts again)
 * @param pending  distinct events among them that are not stored yet: what a replay would publish
 * @param examples where a few of them sit in the dead-letter topic
 */
public record DeadLetterGroup(String fingerprint, String exception, String message, long records, long pending,
                              Instant firstFailedAt, Instant lastFailedAt, List<Example> examples) {

    public record Example(int partition, long offset, String eventId) {
    }
}
