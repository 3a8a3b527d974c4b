package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.stack.Pipeline;
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
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole product as a user meets it: the packaged services started the way {@code ./newsflow run}
 * starts them, the five sample articles dropped into the inbox, the answers read from the query API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Pipeline pipeline;
    private static Path dataDir;

    @BeforeAll
    static void start() throws IOException {
        pipeline = LocalPipeline.start("e2e");
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
    void theFiveSamplesBecomeFiveEnglishArticlesWithTheirHeaders() throws Exception {
        for (String sample : Samples.NAMES) {
            drop(sample, sample);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/stats").path("articles").asInt() == 5);

        JsonNode stats = get("/api/v1/stats");
        assertEquals(1, stats.get("languages").asInt());
        assertEquals(0, stats.get("duplicatesDropped").asInt());
        assertFalse(stats.get("lastIngestedAt").isNull());
        assertTrue(stats.get("entities").asInt() > 0, stats.toString());
        // The backlog read from the running ingest-service and Kafka: drained, nothing failed, nothing dead-lettered.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode backlog = get("/api/v1/stats").path("pipeline");
            assertTrue(backlog.path("inboxError").isNull() && backlog.path("kafkaError").isNull(), backlog.toString());
            assertEquals(0, backlog.path("filesWaiting").asInt(-1), backlog.toString());
            assertEquals(0, backlog.path("filesFailed").asInt(-1), backlog.toString());
            assertEquals(0, backlog.path("articlesWaiting").asInt(-1), backlog.toString());
            assertEquals(0, backlog.path("deadLettered").asInt(-1), backlog.toString());
            assertEquals(0, backlog.path("pending").asInt(-1), backlog.toString());
        });

        // Whatever the spelling in the samples (Kim Jong -un, Kim Jong-un), one entity each, in all five articles.
        Map<String, Integer> people = new HashMap<>();
        get("/api/v1/entities/top?type=PERSON&limit=50").forEach(e -> people.put(e.get("name").asText(), e.get("articles").asInt()));
        assertEquals(5, people.get("Kim Jong-un"), people.toString());
        assertTrue(people.get("Vladimir Putin") >= 4, people.toString());
        assertTrue(stream(get("/api/v1/themes/top")).anyMatch(t -> t.get("theme").asText().equals("MILITARY")));

        JsonNode items = get("/api/v1/articles?limit=20").get("items");
        assertEquals(5, items.size());
        Map<String, JsonNode> bySource = new HashMap<>();
        for (JsonNode item : items) {
            assertEquals("en", item.get("language").asText(), item.toString());
            if (!item.get("source").isNull()) {
                bySource.put(item.get("source").asText(), item);
            }
        }
        assertEquals("Wang Jiahao", bySource.get("Hong Kong Ming Pao").get("author").asText());
        assertEquals("Zheng Zhen", bySource.get("Hong Kong 01").get("author").asText());
        JsonNode putinVisit = stream(items).filter(i -> "Three highlights of Putin's visit to North Korea".equals(i.get("title").asText(null)))
                .findFirst().orElseThrow();
        assertEquals("2024-06-20T05:19:00Z", putinVisit.get("publishedAt").asText());

        JsonNode detail = get("/api/v1/articles/" + putinVisit.get("id").asText());
        assertTrue(detail.get("body").asText().startsWith("It was undoubtedly a whirlwind visit"));

        try (Stream<Path> processed = Files.walk(dataDir.resolve("processed"))) {
            assertEquals(5, processed.filter(Files::isRegularFile).count());
        }
        try (Stream<Path> left = Files.walk(pipeline.inbox())) {
            assertEquals(0, left.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).count(),
                    "nothing left in the inbox but the replica's claim heartbeat");
        }
    }

    @Test
    @Order(2)
    void theSameFileUnderAnotherNameAddsNoArticleAndCountsAsADroppedDuplicate() throws Exception {
        drop("000_c57e4281e488cd20.txt", "again/ming-pao-copy.txt");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/stats").path("duplicatesDropped").asInt() == 1);
        assertEquals(5, get("/api/v1/stats").get("articles").asInt());
        assertEquals(5, get("/api/v1/articles").get("items").size());
    }

    @Test
    @Order(3)
    void metricsCountFilesArticlesAndEnrichLatencyUnderTheDocumentedNames() throws Exception {
        String ingest = metrics(pipeline.config().ingestPort());
        assertTrue(ingest.contains("newsflow_ingest_files_total{outcome=\"processed\",reason=\"ok\"} 6.0"), ingest);
        assertTrue(ingest.contains("newsflow_ingest_articles_published_total{channel=\"file\"} 6.0"), ingest);
        String enrich = metrics(pipeline.config().enrichPort());
        // a histogram, so dashboards can take percentiles over all replicas (docs/operations.md)
        assertTrue(enrich.contains("newsflow_enrich_processing_seconds_bucket{"), enrich);
        assertTrue(enrich.contains("newsflow_enrich_processing_seconds_count{outcome=\"stored\"} 5"), enrich);
        assertTrue(enrich.contains("newsflow_enrich_processing_seconds_count{outcome=\"duplicate\"} 1"), enrich);
        assertTrue(enrich.contains("kafka_consumer_fetch_manager_records_lag_max"), "consumer lag is exported");
    }

    private static String metrics(int port) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/q/metrics");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static void drop(String sample, String name) throws IOException {
        Samples.drop(pipeline.inbox(), sample, name);
    }

    private static JsonNode get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + pipeline.config().queryPort() + path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        Stream.Builder<JsonNode> builder = Stream.builder();
        array.forEach(builder::add);
        return builder.build();
    }
}
