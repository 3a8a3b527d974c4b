package io.newsflow.enrich.pipeline;

import io.newsflow.enrich.TestDatabase;
import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.newsflow.stack.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.newsflow.enrich.RawTopicProducer.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events produced to the real broker, results read from the real database and dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class RawArticleFlowTest {

    private static final String TOPIC = "articles.raw.v1";
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void contractSampleIsStoredUnderItsContentIdWithDetectedLanguage() throws Exception {
        byte[] sample;
        try (InputStream in = ArticleRawV1.class.getResourceAsStream("/io/newsflow/events/article-raw-v1.json")) {
            sample = in.readAllBytes();
        }
        ArticleRawV1 event = ArticleEventCodec.fromJson(sample);
        String id = ContentId.of(event.title(), event.body());
        send(id, sample);

        awaitRows("SELECT count(*) FROM article WHERE id = ?", id, 1);
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT source, author, published_at, language, language_confidence FROM article WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("Hong Kong 01", rs.getString("source"));
                assertEquals("Zheng Zhen", rs.getString("author"));
                assertEquals(Instant.parse("2024-06-20T05:19:00Z"), rs.getTimestamp("published_at").toInstant());
                assertEquals("en", rs.getString("language"));
                assertTrue(rs.getDouble("language_confidence") > 0.5);
            }
        }
    }

    @Test
    void redeliveryChangesNothingAndAReDropCountsAsADroppedDuplicate() throws Exception {
        ArticleRawV1 first = event("Redelivery is harmless", "The same event delivered twice must be stored once.");
        String id = ContentId.of(first.title(), first.body());
        send(id, ArticleEventCodec.toJson(first));
        send(id, ArticleEventCodec.toJson(first));
        ArticleRawV1 reDropped = event(first.title(), "  The same event delivered   twice must be stored once. ");
        send(id, ArticleEventCodec.toJson(reDropped));

        awaitRows("SELECT count(*) FROM article_receipt WHERE article_id = ?", id, 2);
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM article WHERE id = ?", id));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM article_receipt WHERE article_id = ? AND outcome = 'DUPLICATE'", id));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM article_receipt WHERE event_id = ?", first.eventId()));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheNextMessageIsStillProcessed() throws Exception {
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            dlq.subscribe(List.of(TOPIC + ".dlq"));
            send("poison-1", "{not json".getBytes(StandardCharsets.UTF_8));
            send("poison-2", "{\"schemaVersion\":1,\"eventId\":\"e\",\"body\":\"\"}".getBytes(StandardCharsets.UTF_8));
            ArticleRawV1 healthy = event("After the poison", "This article follows two poison messages on the same topic.");
            String id = ContentId.of(healthy.title(), healthy.body());
            send(id, ArticleEventCodec.toJson(healthy));

            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                dlq.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().filter(r -> r.key() != null && r.key().startsWith("poison-")).count() >= 2;
            });
            ConsumerRecord<String, byte[]> notJson = dead.stream().filter(r -> "poison-1".equals(r.key())).findFirst().orElseThrow();
            assertEquals("{not json", new String(notJson.value(), StandardCharsets.UTF_8));
            Header reason = notJson.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the reason travels in a header");
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("not an articles.raw.v1 JSON object"));
            ConsumerRecord<String, byte[]> noBody = dead.stream().filter(r -> "poison-2".equals(r.key())).findFirst().orElseThrow();
            assertTrue(new String(noBody.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8).contains("missing body"));

            awaitRows("SELECT count(*) FROM article WHERE id = ?", id, 1);
        }
    }

    @Test
    void textThePostgresTextTypeRefusesIsStoredAnyway() throws Exception {
        // A NUL any JSON producer can send, and a source longer than any rollup key.
        String body = "Delegates met in Geneva.\u0000 The talks on the ceasefire resumed on Monday.";
        String source = "Wire ".repeat(150);
        ArticleRawV1 raw = new ArticleRawV1(1, UUID.randomUUID().toString(), null, Instant.now(), "Talks\u0000resume", body,
                source, null, null, null, null, null);
        String id = ContentId.of(raw.title(), raw.body());
        send(id, ArticleEventCodec.toJson(raw));

        awaitRows("SELECT count(*) FROM article WHERE id = ?", id, 1);
        List<String> stored = TestDatabase.row("SELECT title, body, source FROM article WHERE id = ?", id);
        assertEquals("Talks\uFFFDresume", stored.get(0));
        assertEquals(body.replace('\u0000', '\uFFFD'), stored.get(1));
        assertEquals(source.substring(0, 500), stored.get(2));
    }


    private static void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
    }

    private static void awaitRows(String sql, String arg, int expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> TestDatabase.count(sql, arg) == expected);
    }
}
