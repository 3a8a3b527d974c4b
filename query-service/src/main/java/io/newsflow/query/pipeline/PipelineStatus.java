package io.newsflow.query.pipeline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The work the pipeline has not finished, for /api/v1/stats: a 100,000-file drop shows here while it
 * drains. Numbers a part could not be asked for are null, and that part's error says why.
 *
 * @param filesWaiting      files in the inbox not yet published to Kafka: not taken yet, or being read and published
 * @param filesFailed       files in failed/, each waiting for a person
 * @param articlesWaiting   articles in Kafka enrich has not finished: the consumer group's lag on the raw topic
 * @param deadLettered      records in the dead-letter topic
 * @param articlesPerSecond articles enrich finished (stored, or dropped as exact duplicates) per second over the last minute
 * @param pending           filesWaiting + articlesWaiting, of the parts that answered
 * @param secondsLeft       pending / articlesPerSecond, rounded up (a waiting file is taken as one article); null while nothing finishes
 * @param inboxError        why ingest-service's inbox could not be read; null when it was
 * @param kafkaError        why Kafka could not be read; null when it was
 */
@Schema(description = "The pipeline's backlog: what waits in the inbox and in Kafka, and how fast it drains",
        example = "{\"filesWaiting\":41200,\"filesFailed\":3,\"articlesWaiting\":8800,\"deadLettered\":0,"
                + "\"articlesPerSecond\":812.5,\"pending\":50000,\"secondsLeft\":62,\"inboxError\":null,\"kafkaError\":null}")
public record PipelineStatus(Long filesWaiting, Long filesFailed, Long articlesWaiting, Long deadLettered,
                             Double articlesPerSecond, Long pending, Long secondsLeft, String inboxError, String kafkaError) {

    static PipelineStatus of(InboxClient.Inbox inbox, String inboxError, KafkaBacklogClient.Backlog kafka, String kafkaError,
                             Double articlesPerSecond) {
        Long filesWaiting = inbox == null ? null : inbox.filesWaiting() + inbox.filesInFlight();
        Long articlesWaiting = kafka == null ? null : kafka.articlesWaiting();
        Long pending = filesWaiting == null && articlesWaiting == null ? null
                : (filesWaiting == null ? 0 : filesWaiting) + (articlesWaiting == null ? 0 : articlesWaiting);
        Long secondsLeft = null;
        if (pending != null && pending == 0) {
            secondsLeft = 0L;
        } else if (pending != null && articlesPerSecond != null && articlesPerSecond > 0) {
            secondsLeft = (long) Math.ceil(pending / articlesPerSecond);
        }
        return new PipelineStatus(filesWaiting, inbox == null ? null : inbox.filesFailed(), articlesWaiting,
                kafka == null ? null : kafka.deadLettered(), articlesPerSecond, pending, secondsLeft, inboxError, kafkaError);
    }

    /** Before the first look. */
    static PipelineStatus notReadYet() {
        return of(null, "not read yet", null, "not read yet", null);
    }
}
