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
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads {@code articles.raw.v1} in runs: what one poll returns (at most {@code max.poll.records},
 * whatever is waiting, never waiting for more) is enriched and stored together, in partition order.
 * The run's offsets are committed only after its database transaction committed. A record that can
 * never be stored is nacked and the channel's failure strategy sends it to the dead-letter topic, the
 * failure in newsflow's headers ({@link DeadLetterHeaders}) beside SmallRye's {@code dead-letter-*}
 * ones; the run is acknowledged once every such record is on that topic. Transient failures never
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

    /** A record the run refuses for good, sent to the dead-letter topic once the run is over. */
    private record Refused(IncomingKafkaRecord<String, byte[]> record, ArticleRawV1 event, DeadLetterException failure) {
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        List<IncomingKafkaRecord<String, byte[]>> records = new ArrayList<>();
        List<ArticleRawV1> events = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (KafkaRecord<String, byte[]> received : batch) {
            IncomingKafkaRecord<String, byte[]> record = (IncomingKafkaRecord<String, byte[]>) received;
            try {
                events.add(ArticleEventCodec.fromJson(record.getPayload()));
                records.add(record);
            } catch (InvalidEventException e) {
                refused.add(new Refused(record, null, new DeadLetterException(FailureClassifier.classify(e), e)));
            }
        }
        try {
            List<EnrichmentPipeline.Processed> results = events.isEmpty() ? List.of() : pipeline.processAll(events);
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).deadLetter() != null) {
                    refused.add(new Refused(records.get(i), events.get(i), results.get(i).deadLetter()));
                }
            }
        } catch (ShutdownInProgressException e) {
            // Neither acked nor nacked: the offsets stay uncommitted and the run is consumed again after the restart.
            return new CompletableFuture<>();
        }
        CompletableFuture<?>[] sent = refused.stream().map(r -> deadLetter(r.record(), r.event(), r.failure()).toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).thenCompose(done -> batch.ack());
    }

    private CompletionStage<Void> deadLetter(IncomingKafkaRecord<String, byte[]> record, ArticleRawV1 event, DeadLetterException e) {
        metrics.counter("newsflow.enrich.dead.letters", "exception", e.failure().exceptionClass()).increment();
        LOG.errorf("partition=%d offset=%d event=%s dead-lettered (fingerprint %s): %s: %s", record.getPartition(), record.getOffset(),
                event != null ? event.eventId() : "-", e.failure().fingerprint(), e.failure().exceptionClass(), e.failure().message());
        return record.nack(e, Metadata.of(OutgoingKafkaRecordMetadata.builder()
                .withHeaders(DeadLetterHeaders.of(e.failure(), event != null ? event.eventId() : null)).build()));
    }
}
