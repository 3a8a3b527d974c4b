package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.stack.Pipeline;
import io.newsflow.stack.Ports;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The promises that matter when things go wrong: never lost while Kafka is away, never twice with two replicas. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Pipeline pipeline;
    private static Path dataDir;
    private static int replicaPort;

    @BeforeAll
    static void start() throws IOException {
        replicaPort = Ports.free();
        pipeline = LocalPipeline.create("resilience").withReplica("ingest-service", "ingest-service-2", replicaPort);
        pipeline.start();
        dataDir = pipeline.config().dataDir();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void twoIngestReplicasOnOneFolderPublish2000FilesExactlyOnce() throws Exception {
        Path staging = dataDir.resolve("staging");
        Files.createDirectories(staging);
        int files = 2000;
        for (int i = 0; i < files; i++) {
            Files.writeString(staging.resolve("r" + i + ".txt"), "Source: Replica Wire\n\nArticle " + i + " of the replica drill, "
                    + UUID.randomUUID() + ". Delegations met in the capital to discuss trade and security.");
        }
        Path target = pipeline.inbox().resolve("replicas");
        Files.createDirectories(target);
        for (int i = 0; i < files; i++) {
            Files.move(staging.resolve("r" + i + ".txt"), target.resolve("r" + i + ".txt"));
        }

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> processedCount("replicas") == files);
        List<String> keys = rawTopicKeys(files);
        assertEquals(files, keys.size(), "one record per file on the topic");
        assertEquals(files, new HashSet<>(keys).size());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> stats().path("articles").asInt() == files);
        assertEquals(0, stats().get("duplicatesDropped").asInt(), "no file was published by both replicas");
        assertTrue(processedBy("ingest-service") + processedBy("ingest-service-2") >= files);
    }

    @Test
    @Order(2)
    void whileKafkaIsDownFilesWaitInTheInboxAndArePublishedWhenItIsBack() throws Exception {
        int before = stats().get("articles").asInt();
        pipeline.stopKafka();
        try {
            for (int i = 0; i < 3; i++) {
                Path file = pipeline.inbox().resolve("outage/o" + i + ".txt");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "Written while the broker was down, article " + i + ", " + UUID.randomUUID() + ".");
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> waitingForRetry(pipeline.config().ingestPort()) + waitingForRetry(replicaPort) > 0);
            Thread.sleep(3000);
            assertEquals(0, processedCount("outage"), "nothing moves to processed/ without Kafka's acknowledgement");
            assertEquals(3, inboxCount("outage"), "the files wait in the inbox (or a claim folder), none lost");
        } finally {
            pipeline.startKafka();
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> processedCount("outage") == 3 && stats().path("articles").asInt() == before + 3);
        assertFalse(Files.exists(pipeline.inbox().resolve("outage/o0.txt")));
    }

    private static long processedBy(String service) throws IOException {
        try (Stream<String> lines = Files.lines(pipeline.logFile(service))) {
            return lines.filter(l -> l.contains("outcome=processed")).count();
        }
    }

    private static long processedCount(String folder) throws IOException {
        try (Stream<Path> walk = Files.walk(dataDir.resolve("processed"))) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals(folder)).count();
        }
    }

    private static long inboxCount(String folder) throws IOException {
        try (Stream<Path> walk = Files.walk(pipeline.inbox())) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals(folder)).count();
        }
    }

    private static List<String> rawTopicKeys(int expected) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + pipeline.config().kafkaPort(),
                ConsumerConfig.GROUP_ID_CONFIG, "resilience-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("articles.raw.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (keys.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
            }
            // A little longer: a copy published by the second replica would arrive as an extra record.
            consumer.poll(Duration.ofSeconds(3)).forEach(r -> keys.add(r.key()));
        }
        return keys;
    }

    private static JsonNode stats() throws IOException, InterruptedException {
        return get(pipeline.config().queryPort(), "/api/v1/stats", 200);
    }

    /** What ingest's readiness says of files whose publication failed and that wait for a retry. */
    private static int waitingForRetry(int port) throws IOException, InterruptedException {
        for (JsonNode check : get(port, "/q/health/ready", -1).path("checks")) {
            if ("inbox".equals(check.path("name").asText())) {
                return check.path("data").path("filesWaitingForRetry").asInt();
            }
        }
        return 0;
    }

    private static JsonNode get(int port, String path, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // Readiness must answer promptly even while Kafka is down: probes give up after seconds.
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (expectedStatus > 0) {
            assertEquals(expectedStatus, response.statusCode(), response.body());
        }
        return JSON.readTree(response.body());
    }
}
