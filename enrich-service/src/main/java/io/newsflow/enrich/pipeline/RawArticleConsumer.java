package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.failure.DeadLetterException;
import io.newsflow.enrich.failure.DeadLetterHeaders;
import io.newsflow.enrich.failure.FailureClassifier;
import io.newsflow.enrich.failure.ShutdownInProgressException;
import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.InvalidEventException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code articles.raw.v1}. A record is acknowledged (its offset committed) only after its
 * database transaction committed. A record that can never be stored is nacked at once and the
 * channel's failure strategy sends it to the dead-letter topic, the failure in newsflow's headers
 * ({@link DeadLetterHeaders}) beside SmallRye's {@code dead-letter-*} ones. Transient failures never
 * reach this class: they are waited out below it.
 */
@ApplicationScoped
public class RawArticleConsumer {

    public static final String CHANNEL = "articles-raw";

    private static final Logger LOG = Logger.getLogger(RawArticleConsumer.class);

    private final EnrichmentPipeline pipeline;
    private final MeterRegistry metrics;

    public RawArticleConsumer(EnrichmentPipeline pipeline, MeterRegistry metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(IncomingKafkaRecord<String, byte[]> record) {
        ArticleRawV1 event = null;
        try {
            event = ArticleEventCodec.fromJson(record.getPayload());
            pipeline.process(event);
            return record.ack();
        } catch (InvalidEventException e) {
            return deadLetter(record, null, new DeadLetterException(FailureClassifier.classify(e), e));
        } catch (DeadLetterException e) {
            return deadLetter(record, event, e);
        } catch (ShutdownInProgressException e) {
            // Neither acked nor nacked: its offset stays uncommitted and the record is consumed again after the restart.
            return new CompletableFuture<>();
        }
    }

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, byte[]> record, ArticleRawV1 event, DeadLetterException e) {
        metrics.counter("newsflow.enrich.dead.letters", "exception", e.failure().exceptionClass()).increment();
        LOG.errorf("partition=%d offset=%d event=%s dead-lettered (fingerprint %s): %s: %s", record.getPartition(), record.getOffset(),
                event != null ? event.eventId() : "-", e.failure().fingerprint(), e.failure().exceptionClass(), e.failure().message());
        return record.nack(e, Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(DeadLetterHeaders.of(e.failure(), event != null ? event.eventId() : null)).build()));
    }
}
