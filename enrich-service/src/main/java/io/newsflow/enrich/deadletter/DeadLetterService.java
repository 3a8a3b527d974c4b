package io.newsflow.enrich.deadletter;

import io.newsflow.enrich.failure.DeadLetterHeaders;
import io.newsflow.enrich.pipeline.ChannelConfig;
import io.newsflow.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response.Status;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads the dead-letter topic from its start (it is the record of what failed; nothing here commits an
 * offset or deletes anything) and publishes chosen records to the raw topic again. Replay is idempotent:
 * an event is published only while it is not stored, and the consumer stores an event once however often it comes.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);
    private static final int EXAMPLES = 5;
    private static final String UNKNOWN = "unknown";

    /** Names the dead letter a replayed record came from, for whoever reads the raw topic. */
    public static final String REPLAY_OF = "newsflow-replay-of";

    private final Map<String, Object> kafka;
    private final String rawTopic;
    private final String deadLetterTopic;
    private final EntityManager em;

    /** The topics are the channel's: both read NEWSFLOW_TOPIC_RAW and NEWSFLOW_TOPIC_RAW_DLQ. */
    public DeadLetterService(@Identifier("default-kafka-broker") Map<String, Object> kafka, ChannelConfig config, EntityManager em) {
        this.kafka = kafka;
        this.rawTopic = config.topic().raw();
        this.deadLetterTopic = config.topic().rawDlq();
        this.em = em;
    }

    /** Every failure in the dead-letter topic, most records first. */
    public List<DeadLetterGroup> groups() {
        Map<String, GroupBuilder> groups = new LinkedHashMap<>();
        scan(records -> {
            Set<String> stored = storedEvents(records);
            for (ConsumerRecord<String, byte[]> record : records) {
                groups.computeIfAbsent(fingerprint(record), GroupBuilder::new).add(record, stored.contains(eventKey(record)));
            }
        });
        return groups.values().stream().map(GroupBuilder::build)
                .sorted(Comparator.comparingLong(DeadLetterGroup::records).reversed().thenComparing(DeadLetterGroup::fingerprint)).toList();
    }

    /**
     * Publishes the dead letters that {@code fingerprint} names (every one when null) and whose event is
     * not stored yet, each event once, to the raw topic with its original key and value.
     *
     * @throws ProblemException 404 when no dead letter has that fingerprint
     */
    public ReplayResult replay(String fingerprint) {
        Predicate<ConsumerRecord<String, byte[]>> chosen = record -> fingerprint == null || fingerprint.equals(fingerprint(record));
        Set<String> published = new HashSet<>();
        long[] skipped = {0};
        boolean[] matched = {false};
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            scan(records -> {
                List<ConsumerRecord<String, byte[]>> candidates = records.stream().filter(chosen).toList();
                matched[0] |= !candidates.isEmpty();
                Set<String> stored = storedEvents(candidates);
                for (ConsumerRecord<String, byte[]> record : candidates) {
                    String event = eventKey(record);
                    if (stored.contains(event)) {
                        skipped[0]++;
                    } else if (published.add(event)) {
                        RecordHeaders headers = new RecordHeaders();
                        headers.add(REPLAY_OF, (record.topic() + "/" + record.partition() + "/" + record.offset()).getBytes(StandardCharsets.UTF_8));
                        sends.add(producer.send(new ProducerRecord<>(rawTopic, null, record.key(), record.value(), headers)));
                    }
                }
            });
            for (Future<?> send : sends) {
                await(send);
            }
        }
        if (!matched[0] && fingerprint != null) {
            throw ProblemException.notFound("No dead letter has the fingerprint '" + fingerprint + "'.");
        }
        LOG.infof("replayed %d dead letters (%s) to %s; %d already stored", published.size(), fingerprint == null ? "all" : fingerprint,
                rawTopic, skipped[0]);
        return new ReplayResult(published.size(), skipped[0]);
    }

    /** The whole dead-letter topic as it is now, in batches, without joining a group or committing anything. */
    private void scan(Consumer<List<ConsumerRecord<String, byte[]>>> handle) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetterTopic, KAFKA_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return;
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(assigned, KAFKA_TIMEOUT));
            long deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), KAFKA_TIMEOUT) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw unavailable("reading " + deadLetterTopic + " took longer than " + KAFKA_TIMEOUT.toSeconds() + " s", null);
                }
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    handle.accept(batch);
                    deadline = System.nanoTime() + KAFKA_TIMEOUT.toNanos();
                }
            }
        } catch (KafkaException e) {
            throw unavailable("Kafka did not answer: " + e.getMessage(), e);
        }
    }

    /** Which of these records' events have a receipt, that is were stored (or found a duplicate) since. */
    private Set<String> storedEvents(List<ConsumerRecord<String, byte[]>> records) {
        String[] ids = records.stream().map(DeadLetterService::eventKey).distinct().toArray(String[]::new);
        if (ids.length == 0) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT event_id FROM article_receipt WHERE event_id = ANY(CAST(?1 AS varchar[]))").setParameter(1, ids).getResultList());
        return new HashSet<>(stored);
    }

    private static String fingerprint(ConsumerRecord<String, byte[]> record) {
        return DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.FINGERPRINT).orElse(UNKNOWN);
    }

    /** The event id; for a record that never parsed, a hash of its bytes (so that its copies still count once). */
    private static String eventKey(ConsumerRecord<String, byte[]> record) {
        return DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.EVENT_ID).orElseGet(() -> {
            try {
                byte[] value = record.value() == null ? new byte[0] : record.value();
                return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        });
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-dead-letters-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis() / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, KAFKA_TIMEOUT.toMillis());
        return config;
    }

    private static void await(Future<?> send) {
        try {
            send.get(KAFKA_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable("Kafka did not acknowledge the replay: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while replaying", e);
        }
    }

    private static ProblemException unavailable(String detail, Throwable cause) {
        if (cause != null) {
            LOG.warn(detail, cause);
        }
        return new ProblemException(Status.SERVICE_UNAVAILABLE, detail + "; nothing was lost, try again.");
    }

    private static final class GroupBuilder {
        private final String fingerprint;
        private String exception;
        private String message;
        private long records;
        private final Set<String> pending = new HashSet<>();
        private Instant first;
        private Instant last;
        private final List<DeadLetterGroup.Example> examples = new ArrayList<>();

        GroupBuilder(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        void add(ConsumerRecord<String, byte[]> record, boolean stored) {
            records++;
            if (!stored) {
                pending.add(eventKey(record));
            }
            exception = DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.EXCEPTION).orElse(UNKNOWN);
            message = DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.MESSAGE)
                    .or(() -> DeadLetterHeaders.read(record.headers(), "dead-letter-reason")).orElse("");
            Instant at = DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.FAILED_AT).map(Instant::parse)
                    .orElse(Instant.ofEpochMilli(record.timestamp()));
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            if (examples.size() < EXAMPLES) {
                examples.add(new DeadLetterGroup.Example(record.partition(), record.offset(),
                        DeadLetterHeaders.read(record.headers(), DeadLetterHeaders.EVENT_ID).orElse(null)));
            }
        }

        DeadLetterGroup build() {
            return new DeadLetterGroup(fingerprint, exception, message, records, pending.size(), first, last, List.copyOf(examples));
        }
    }
}
