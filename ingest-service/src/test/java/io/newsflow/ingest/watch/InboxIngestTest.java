package io.newsflow.ingest.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.newsflow.stack.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files dropped into the inbox of the running service, read back from the real broker. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "role", value = "none"))
@QuarkusTestResource(value = FreshDataDirResource.class, restrictToAnnotatedClass = false)
class InboxIngestTest {

    private static Path data;
    private static Path inbox;

    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void subscribe() {
        data = Path.of(System.getProperty(FreshDataDirResource.PROPERTY));
        inbox = data.resolve("inbox");
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("articles.raw.v1"));
        // Join the group now so "latest" means "after this point", not after the first poll in the test.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void sampleIsPublishedWithItsHeadersAndContentIdThenMovedToProcessed() throws Exception {
        Path dropped = drop("news/sample 002.txt", sample("002_158020bef77a7aad.txt"));

        ConsumerRecord<String, byte[]> record = awaitRecords(1).get(0);
        ArticleRawV1 event = ArticleEventCodec.fromJson(record.value());
        assertEquals(event.articleId(), record.key());
        assertEquals(ContentId.of(event.title(), event.body()), event.articleId());
        assertEquals("Three highlights of Putin's visit to North Korea", event.title());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), event.publishedAt());
        assertEquals("file", event.provenance().channel());
        assertEquals("news/sample 002.txt", event.provenance().fileName());
        assertEquals(Files.size(processedPath("news/sample 002.txt")), event.provenance().size());
        assertEquals(64, event.provenance().sha256().length());

        assertFalse(Files.exists(dropped));
        assertTrue(Files.exists(processedPath("news/sample 002.txt")));
    }

    @Test
    void publishedEventHasTheContractShape() throws Exception {
        drop("contract.txt", sample("000_c57e4281e488cd20.txt").replace("Author: Wang Jiahao",
                "Author: Wang Jiahao\nRelease time: 2024-06-20 05:19\nURL: https://example.org/x\nTitle: T\nLanguage: en"));
        JsonNode produced = new ObjectMapper().readTree(awaitRecords(1).get(0).value());
        JsonNode contract;
        try (InputStream in = ArticleRawV1.class.getResourceAsStream("/io/newsflow/events/article-raw-v1.json")) {
            contract = new ObjectMapper().readTree(in);
        }
        assertEquals(fieldNames(contract), fieldNames(produced));
        assertEquals(fieldNames(contract.get("provenance")), fieldNames(produced.get("provenance")));
    }

    @Test
    void unsupportedFileGoesToFailedWithItsReasonBeside() throws Exception {
        drop("photo.jpg", "not really a picture");
        Path failed = data.resolve("failed/photo.jpg");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(failed.resolveSibling("photo.jpg.error.json")));
        JsonNode error = new ObjectMapper().readTree(failed.resolveSibling("photo.jpg.error.json").toFile());
        assertEquals("unsupported-type", error.get("reason").asText());
        assertEquals("parse", error.get("stage").asText());
        assertTrue(error.hasNonNull("time"));
        assertEquals("not really a picture", Files.readString(failed));
    }

    @Test
    void hiddenAndTemporaryNamesAreLeftAlone() throws Exception {
        List<String> ignored = List.of(".hidden.txt", "upload.txt.part", "x.tmp", "y.crdownload", "z.txt~", ".sync/inner.txt");
        for (String name : ignored) {
            drop(name, "Body of " + name);
        }
        drop("visible.txt", "Visible body.");
        assertEquals(1, awaitRecords(1).size());
        for (String name : ignored) {
            assertTrue(Files.exists(inbox.resolve(name)), name);
        }
    }

    @Test
    void sameNameDroppedTwiceIsKeptTwiceInProcessed() throws Exception {
        drop("twice.txt", "First body.");
        awaitRecords(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(inbox.resolve("twice.txt")));
        drop("twice.txt", "Second body.");
        awaitRecords(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(processedPath("twice-1.txt")));
        Set<String> bodies = new TreeSet<>(List.of(Files.readString(processedPath("twice.txt")), Files.readString(processedPath("twice-1.txt"))));
        assertEquals(Set.of("First body.", "Second body."), bodies);
    }

    private List<ConsumerRecord<String, byte[]>> awaitRecords(int count) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return records.size() >= count;
        });
        assertEquals(count, records.size());
        return records;
    }

    private static Path drop(String name, String content) throws IOException {
        Path file = inbox.resolve(name);
        Files.createDirectories(file.getParent());
        // Written beside and renamed in, as careful producers do: the test is about ingest, not about partial writes.
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(partial, content);
        return Files.move(partial, file);
    }

    private static Path processedPath(String name) {
        return data.resolve("processed").resolve(LocalDate.now(ZoneOffset.UTC).toString()).resolve(name);
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = InboxIngestTest.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
