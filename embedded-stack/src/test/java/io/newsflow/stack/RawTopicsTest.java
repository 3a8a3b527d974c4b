package io.newsflow.stack;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code NEWSFLOW_PARTITIONS} raised on a data folder whose broker auto-created the raw topic with the
 * old fixed 3 partitions (and never needed the dead-letter topic): on the next start, on the real
 * embedded broker, the raw topic grows to the setting and the dead-letter topic is created with it.
 */
class RawTopicsTest {

    private static final String RAW = "articles.raw.v1";
    private static final String DLQ = "articles.raw.v1.dlq";
    private static final List<String> TOPICS = List.of(RAW, DLQ);

    @TempDir
    Path dir;
    private KafkaBroker broker;
    private final List<String> said = new ArrayList<>();

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRisenSettingGrowsTheTopicsOfAnExistingDataFolderAndALowerOneLeavesThemAsTheyAre() throws Exception {
        int kafkaPort = Ports.free();
        int controllerPort = Ports.free();
        broker = start(kafkaPort, controllerPort, 3);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(RAW, "article", "kept across the restart")).get(60, TimeUnit.SECONDS);
        }
        assertEquals(Map.of(RAW, 3), RawTopics.partitions(broker.bootstrapServers(), TOPICS), "auto-created by the first producer");
        broker.close();

        broker = start(kafkaPort, controllerPort, 6);
        RawTopics.ensure(broker.bootstrapServers(), TOPICS, 6, said::add);
        assertEquals(Map.of(RAW, 6, DLQ, 6), RawTopics.partitions(broker.bootstrapServers(), TOPICS));
        assertEquals(List.of("created Kafka topics " + DLQ + " with 6 partitions", "grew Kafka topic " + RAW + " from 3 to 6 partitions"), said);

        said.clear();
        RawTopics.ensure(broker.bootstrapServers(), TOPICS, 6, said::add);
        assertEquals(List.of(), said, "nothing to change, nothing said");

        RawTopics.ensure(broker.bootstrapServers(), TOPICS, 4, said::add);
        assertEquals(Map.of(RAW, 6, DLQ, 6), RawTopics.partitions(broker.bootstrapServers(), TOPICS), "partitions never shrink");
        assertEquals(List.of(
                "Kafka topic " + RAW + " keeps its 6 partitions: NEWSFLOW_PARTITIONS is 4, and Kafka can never take partitions away",
                "Kafka topic " + DLQ + " keeps its 6 partitions: NEWSFLOW_PARTITIONS is 4, and Kafka can never take partitions away"), said);
    }

    private KafkaBroker start(int port, int controllerPort, int partitions) {
        return KafkaBroker.start(dir.resolve("kafka"), port, controllerPort, partitions, Duration.ofSeconds(90), () -> false);
    }
}
