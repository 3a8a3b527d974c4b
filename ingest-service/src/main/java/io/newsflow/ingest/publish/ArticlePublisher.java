package io.newsflow.ingest.publish;

import io.newsflow.events.ArticleRawV1;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Duration;
import java.util.List;

/**
 * Publishes raw articles to {@code articles.raw.v1} (idempotent producer, {@code acks=all}, key =
 * article id) and reports success only once Kafka acknowledged every one of them.
 */
@ApplicationScoped
public class ArticlePublisher {

    public static final String CHANNEL = "articles-raw";

    private final MutinyEmitter<ArticleRawV1> emitter;

    /**
     * Unbounded here because it is bounded upstream: the watcher admits at most
     * {@code NEWSFLOW_INBOX_MAX_IN_FLIGHT} files of at most {@code NEWSFLOW_INBOX_MAX_FILE_BYTES} each.
     * A bounded buffer would fail sends in a burst, sending whole batches of files to retry.
     */
    public ArticlePublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<ArticleRawV1> emitter) {
        this.emitter = emitter;
    }

    /**
     * Completes when Kafka acknowledged every event, or fails when any was not acknowledged in
     * time: the caller then keeps the source and retries it, and the content id makes an article
     * published twice harmless.
     */
    public Uni<Void> publishAll(List<ArticleRawV1> events, Duration timeout) {
        List<Uni<Void>> acks = events.stream().map(this::publish).toList();
        return Uni.join().all(acks).andFailFast().replaceWithVoid().ifNoItem().after(timeout).fail();
    }

    private Uni<Void> publish(ArticleRawV1 event) {
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder().withKey(event.articleId()).build();
        return emitter.sendMessage(Message.of(event).addMetadata(key));
    }
}
