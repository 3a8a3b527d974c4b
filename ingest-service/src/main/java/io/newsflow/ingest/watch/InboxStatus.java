package io.newsflow.ingest.watch;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the inbox holds that is not done yet, for query-service's {@code /api/v1/stats} and anyone watching a drop drain.
 *
 * @param filesWaiting         files in the inbox not taken yet (incomplete, waiting for room in flight or for a retry)
 * @param filesInFlight        files this replica is reading or whose articles await Kafka's acknowledgement
 * @param filesWaitingForRetry of the waiting files, those whose publication failed and that wait for their retry
 * @param filesFailed          files in failed/ (each beside its {@code .error.json})
 */
@Schema(description = "The inbox's backlog", example = "{\"filesWaiting\":98000,\"filesInFlight\":2000,\"filesWaitingForRetry\":0,\"filesFailed\":3}")
public record InboxStatus(int filesWaiting, int filesInFlight, int filesWaitingForRetry, long filesFailed) {
}
