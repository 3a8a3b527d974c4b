package io.newsflow.enrich.reenrich;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A re-enrichment job as the admin API shows it. */
@Schema(name = "ReenrichJob", description = "A re-enrichment job and its progress")
public record ReenrichStatus(
        String id,
        @Schema(description = "stale or all") String scope,
        @Schema(description = "RUNNING, SUCCEEDED or FAILED") String state,
        @Schema(description = "What the job enriches with, as recorded in article_enrichment") Versions versions,
        @Schema(description = "Articles in scope when the job started") long total,
        @Schema(description = "Articles visited: changed + unchanged + failed") long done,
        @Schema(description = "Articles whose stored enrichment was replaced") long changed,
        @Schema(description = "Articles whose stored enrichment was already what the running models give") long unchanged,
        @Schema(description = "Articles left as they were after an error (in the log); a later stale job retries them") long failed,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Why a FAILED job stopped") String error) {

    public record Versions(String nerModel, String aliasVersion, String taxonomyVersion, int fingerprintVersion) {
    }
}
