package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.store.analysis.Versions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A re-enrichment job as the admin API shows it. */
@Schema(name = "ReenrichJob", description = "A re-enrichment job and its progress")
public record ReenrichStatus(
        String id,
        @Schema(description = "stale or all") String scope,
        @Schema(description = "RUNNING (also while it waits for a replica to resume it), SUCCEEDED or FAILED") String state,
        @Schema(description = "What the job enriches with, as recorded in article_enrichment") Versions versions,
        @Schema(description = "Articles in scope when the job started (0 until counted)") long total,
        @Schema(description = "Articles visited: changed + unchanged + failed") long done,
        @Schema(description = "Articles whose stored enrichment was replaced") long changed,
        @Schema(description = "Articles whose stored enrichment was already what the running models give") long unchanged,
        @Schema(description = "Articles left as they were after an error (in the log); a later stale job retries them") long failed,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Why a FAILED job stopped") String error,
        @Schema(description = "The replica (NEWSFLOW_INSTANCE_ID) running the job, or that ran it last; null while a RUNNING job waits"
                + " for a replica to resume it") String replica,
        @Schema(description = "The running replica's last sign of life; another replica resumes the job once it is older than"
                + " NEWSFLOW_REENRICH_LEASE_TIMEOUT") Instant heartbeatAt,
        @Schema(description = "How often the job was resumed after its replica stopped") int resumed) {
}
