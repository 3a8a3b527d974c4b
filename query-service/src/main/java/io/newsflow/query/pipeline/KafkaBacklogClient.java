package io.newsflow.query.pipeline;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the backlog Kafka holds with an admin client: enrich's consumer-group lag on the raw topic and
 * the records in the dead-letter topic. The client takes Quarkus' default Kafka configuration, i.e.
 * {@code KAFKA_BOOTSTRAP_SERVERS} and every other {@code KAFKA_…} variable (TLS, SASL), as the other services do.
 */
@ApplicationScoped
public class KafkaBacklogClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /**
     * @param articlesWaiting records on the raw topic the consumer group has not committed yet
     * @param deadLettered    records in the dead-letter topic (end offsets minus start offsets)
     */
    record Backlog(long articlesWaiting, long deadLettered) {
    }

    private final PipelineConfig config;
    private final Admin admin;

    public KafkaBacklogClient(PipelineConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        Map<String, Object> settings = new HashMap<>();
        // The default configuration also carries consumer and producer settings an admin client would warn about.
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-query-backlog");
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(settings);
    }

    void close(@Observes ShutdownEvent event) {
        admin.close(Duration.ZERO);
    }

    /** @throws KafkaUnavailable saying why, in words for the pipeline object's {@code kafkaError} */
    Backlog read() throws InterruptedException, KafkaUnavailable {
        try {
            String raw = config.topic().raw();
            String dlq = config.topic().rawDlq();
            List<TopicPartition> rawPartitions = partitions(raw);
            List<TopicPartition> dlqPartitions = partitions(dlq);
            Map<TopicPartition, Long> ends = offsets(concat(rawPartitions, dlqPartitions), OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(concat(rawPartitions, dlqPartitions), OffsetSpec.earliest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.consumerGroup(),
                            new ListConsumerGroupOffsetsOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long waiting = 0;
            for (TopicPartition partition : rawPartitions) {
                OffsetAndMetadata offset = committed.get(partition);
                // Enrich starts a partition it never committed at the earliest record (auto.offset.reset=earliest).
                long position = offset == null ? starts.get(partition) : Math.max(offset.offset(), starts.get(partition));
                waiting += Math.max(0, ends.get(partition) - position);
            }
            long deadLettered = 0;
            for (TopicPartition partition : dlqPartitions) {
                deadLettered += ends.get(partition) - starts.get(partition);
            }
            return new Backlog(waiting, deadLettered);
        } catch (TimeoutException e) {
            throw new KafkaUnavailable("Kafka did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new KafkaUnavailable("Kafka could not be read: " + cause.getMessage());
        }
    }

    /** A topic not created yet (auto-created on first use) holds nothing. */
    private List<TopicPartition> partitions(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic), new DescribeTopicsOptions().timeoutMs((int) TIMEOUT.toMillis()))
                    .topicNameValues().get(topic).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return description.partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw e;
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        return admin.listOffsets(request, new ListOffsetsOptions().timeoutMs((int) TIMEOUT.toMillis())).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static List<TopicPartition> concat(List<TopicPartition> a, List<TopicPartition> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Kafka gave no answer; the message says why. */
    static final class KafkaUnavailable extends Exception {
        KafkaUnavailable(String message) {
            super(message);
        }
    }
}
