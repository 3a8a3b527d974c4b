package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.stack.DatabaseAccess;
import io.newsflow.stack.Pipeline;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a running {@link Pipeline} says about the articles it was given: the query API's answers, the
 * files left in {@code processed/} and {@code failed/}, the dead-letter topic, enrich's metrics.
 */
final class PipelineProbe {

    static final String DEAD_LETTER_TOPIC = "articles.raw.v1.dlq";
    static final String ENRICH_GROUP = "newsflow-enrich";
    /** Counters that must stay at 0 when nothing failed: every series of each is summed. */
    static final List<String> FAILURE_COUNTERS = List.of("newsflow_enrich_transient_waits_total", "newsflow_enrich_dead_letters_total");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Pipeline pipeline;

    PipelineProbe(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    int storedArticles() {
        return query("/api/v1/stats").path("articles").asInt();
    }

    JsonNode query(String pathAndQuery) {
        try {
            return JSON.readTree(get(pipeline.config().queryPort(), pathAndQuery));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every stored article's title, through the article list's pages. */
    List<String> storedTitles() {
        return storedArticleSummaries().stream().map(item -> item.path("title").asText(null)).toList();
    }

    /** Every article as {@code /api/v1/articles} lists it (title, source, author, publishedAt …), all pages. */
    List<JsonNode> storedArticleSummaries() {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = query("/api/v1/articles?limit=1000" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    long processedFiles() {
        return regularFiles(pipeline.config().dataDir().resolve("processed"));
    }

    long failedFiles() {
        return regularFiles(pipeline.config().dataDir().resolve("failed"));
    }

    /** Records on the dead-letter topic (end offsets); 0 while the topic does not exist. */
    long deadLetters() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(DEAD_LETTER_TOPIC)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(DEAD_LETTER_TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(DEAD_LETTER_TOPIC).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(DEAD_LETTER_TOPIC, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(o -> o.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read " + DEAD_LETTER_TOPIC, e);
        }
    }

    /** The dead letters with their headers (the reason enrich gave), for a failure message. */
    List<String> describeDeadLetters() {
        List<String> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(DEAD_LETTER_TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String headers = Stream.of(record.headers().toArray())
                            .map(h -> h.key() + "=" + new String(h.value() == null ? new byte[0] : h.value(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("; "));
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    letters.add("key " + record.key() + " [" + headers + "] " + value.substring(0, Math.min(300, value.length())));
                }
            }
        }
        return letters;
    }

    /** Sum of every series of a Prometheus counter in enrich's /q/metrics; 0 when it does not exist. */
    double enrichCounter(String name) {
        return counter(pipeline.config().enrichPort(), name);
    }

    /** The same for the service on {@code port}, e.g. a second enrich replica's. */
    double counter(int port, String name) {
        return metricSum(get(port, "/q/metrics"), name);
    }

    /** The partitions of the raw topic held by each member of enrich's consumer group, while it is stable; empty while it rebalances. */
    List<Integer> enrichAssignment() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(ENRICH_GROUP)).all().get(30, TimeUnit.SECONDS).get(ENRICH_GROUP);
            if (group.groupState() != GroupState.STABLE) {
                return List.of();
            }
            return group.members().stream().map(m -> m.assignment().topicPartitions().size()).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot describe " + ENRICH_GROUP, e);
        }
    }

    /** A connection to the pipeline's database as its owner (enrich's role). */
    Connection database() throws SQLException {
        DatabaseAccess access = DatabaseAccess.local();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pipeline.config().postgresPort() + "/" + access.database(),
                access.ownerUser(), access.ownerPassword());
    }

    /** Every row a query answers, its columns as PostgreSQL writes them as text, joined by " | ". */
    List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(String.join(" | ", row));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Bytes of heap enrich uses now, all pools together. */
    double enrichHeapUsed() {
        return metricSum(get(pipeline.config().enrichPort(), "/q/metrics"), "jvm_memory_used_bytes{area=\"heap\"");
    }

    /** Sum of the series of {@code name}, which may end in the start of a label set, e.g. {@code metric{area="heap"}. */
    static double metricSum(String prometheusText, String name) {
        Predicate<String> series = name.contains("{") ? line -> line.startsWith(name)
                : line -> line.startsWith(name + "{") || line.startsWith(name + " ");
        return prometheusText.lines().filter(series).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String bootstrap() {
        return "127.0.0.1:" + pipeline.config().kafkaPort();
    }

    private static long regularFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".error.json")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String get(int port, String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
