package io.newsflow.ingest.support;

import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.stack.TestStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

/** Reads what ingest publishes to {@code articles.raw.v1} from the moment it is opened. */
public final class RawTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public RawTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("articles.raw.v1"));
        // Joined before anything is dropped, so "latest" means "from now", not "from the first poll".
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        // "latest" is looked up lazily: pin it now, or records sent in the next instant could fall before it.
        consumer.assignment().forEach(consumer::position);
    }

    /** Waits until at least {@code count} records arrived since opening (or the last call) and returns them all. */
    public List<ConsumerRecord<String, byte[]>> await(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.size() >= count;
        });
        List<ConsumerRecord<String, byte[]>> records = List.copyOf(seen);
        seen.clear();
        return records;
    }

    public List<ArticleRawV1> awaitEvents(int count) {
        return await(count).stream().map(r -> ArticleEventCodec.fromJson(r.value())).toList();
    }

    /** Whatever arrives within {@code quiet}: for asserting that nothing was published. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        List<ConsumerRecord<String, byte[]>> records = List.copyOf(seen);
        seen.clear();
        return records;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
