package io.newsflow.ingest.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.ingest.support.RunningIngestTest;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.newsflow.ingest.support.Inbox.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files dropped into the inbox of the running service, read back from the real broker. */
@QuarkusTest
class InboxIngestTest extends RunningIngestTest {


    @Test
    void sampleIsPublishedWithItsHeadersAndContentIdThenMovedToProcessed() throws Exception {
        var dropped = inbox.drop("news/sample 002.txt", sample("002_158020bef77a7aad.txt"));

        ConsumerRecord<String, byte[]> record = topic.await(1).get(0);
        ArticleRawV1 event = ArticleEventCodec.fromJson(record.value());
        assertEquals(event.articleId(), record.key());
        assertEquals(ContentId.of(event.title(), event.body()), event.articleId());
        assertEquals("Three highlights of Putin's visit to North Korea", event.title());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), event.publishedAt());
        assertEquals("file", event.provenance().channel());
        assertEquals("news/sample 002.txt", event.provenance().fileName());
        assertEquals(64, event.provenance().sha256().length());

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("news/sample 002.txt")));
        assertEquals(Files.size(inbox.processed("news/sample 002.txt")), event.provenance().size());
        assertFalse(Files.exists(dropped));
        // Nothing left waiting: a processed file must never also count as one to retry.
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'inbox' }.data.filesWaitingForRetry", equalTo(0));
    }

    @Test
    void publishedEventHasTheContractShape() throws Exception {
        inbox.drop("contract.txt", sample("000_c57e4281e488cd20.txt").replace("Author: Wang Jiahao",
                "Author: Wang Jiahao\nRelease time: 2024-06-20 05:19\nURL: https://example.org/x\nTitle: T\nLanguage: en"));
        JsonNode produced = new ObjectMapper().readTree(topic.await(1).get(0).value());
        JsonNode contract;
        try (InputStream in = ArticleRawV1.class.getResourceAsStream("/io/newsflow/events/article-raw-v1.json")) {
            contract = new ObjectMapper().readTree(in);
        }
        assertEquals(fieldNames(contract), fieldNames(produced));
        assertEquals(fieldNames(contract.get("provenance")), fieldNames(produced.get("provenance")));
    }

    @Test
    void everyArticleOfAMultiArticleFileIsPublishedBeforeTheFileMoves() throws Exception {
        inbox.drop("batch.ndjson", "{\"title\":\"One\",\"body\":\"First.\"}\n{\"title\":\"Two\",\"body\":\"Second.\"}\n{\"title\":\"Three\",\"body\":\"Third.\"}\n");
        List<ArticleRawV1> events = topic.awaitEvents(3);
        assertEquals(List.of(0, 1, 2), events.stream().map(e -> e.provenance().index()).sorted().toList());
        assertEquals(Set.of("One", "Two", "Three"), Set.copyOf(events.stream().map(ArticleRawV1::title).toList()));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("batch.ndjson")));
    }

    @Test
    void hiddenAndTemporaryNamesAreLeftAlone() throws Exception {
        List<String> ignored = List.of(".hidden.txt", "upload.txt.part", "x.tmp", "y.crdownload", "z.txt~", ".sync/inner.txt");
        for (String name : ignored) {
            inbox.drop(name, "Body of " + name);
        }
        inbox.drop("visible.txt", "Visible body.");
        assertEquals("Visible body.", topic.awaitEvents(1).get(0).body());
        assertTrue(topic.drain(Duration.ofSeconds(2)).isEmpty());
        for (String name : ignored) {
            assertTrue(Files.exists(inbox.path(name)), name);
        }
    }

    @Test
    void sameNameDroppedTwiceIsKeptTwiceInProcessed() throws Exception {
        inbox.drop("twice.txt", "First body.");
        topic.await(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.processed("twice.txt")));
        inbox.drop("twice.txt", "Second body.");
        topic.await(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.processed("twice-1.txt")));
        Set<String> bodies = new TreeSet<>(List.of(Files.readString(inbox.processed("twice.txt")), Files.readString(inbox.processed("twice-1.txt"))));
        assertEquals(Set.of("First body.", "Second body."), bodies);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
