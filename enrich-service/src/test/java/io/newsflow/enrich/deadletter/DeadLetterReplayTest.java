package io.newsflow.enrich.deadletter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.RawTopicProducer;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.failure.DeadLetterHeaders;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.stack.StackTestResource;
import io.newsflow.stack.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsflow.enrich.RawTopicProducer.event;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record refused by a bug (a trigger raising a real PostgreSQL error) goes to the dead-letter topic at
 * once, the others pass, and once the bug is gone a replay stores it: once, however often it is replayed.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class DeadLetterReplayTest {

    private static final String ADMIN_KEY = "test-admin-key";

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void fixTheBug() throws Exception {
        TestDatabase.fixBug("test_bug");
    }

    @Test
    void aDeterministicFailureIsDeadLetteredAtOnceAndReplayedOnceFixed() throws Exception {
        TestDatabase.refuseTitles("test_bug", "Refused by a bug", "22023");
        double waitsBefore = count("newsflow.enrich.transient.waits");
        String run = UUID.randomUUID().toString().substring(0, 8);
        ArticleRawV1 refused = event("Refused by a bug " + run, "This article meets a bug in the store and waits in the dead-letter topic.");
        List<ArticleRawV1> healthy = List.of(event("Healthy one " + run, "The first healthy article of the dead-letter drill."),
                event("Healthy two " + run, "The second healthy article of the dead-letter drill."));

        try (KafkaConsumer<String, byte[]> dlq = dlqConsumer(); RawTopicProducer producer = new RawTopicProducer()) {
            dlq.subscribe(List.of("articles.raw.v1.dlq"));
            producer.send(refused);
            healthy.forEach(e -> send(producer, e));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                dlq.poll(Duration.ofMillis(50)).forEach(dead::add);
                return dead.stream().anyMatch(r -> refused.eventId().equals(DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.EVENT_ID).orElse(null)));
            });
            ConsumerRecord<String, byte[]> letter = dead.stream()
                    .filter(r -> refused.eventId().equals(DeadLetterHeaders.read(r.headers(), DeadLetterHeaders.EVENT_ID).orElse(null))).findFirst().orElseThrow();
            assertEquals("org.postgresql.util.PSQLException", DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.EXCEPTION).orElseThrow());
            assertTrue(DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.MESSAGE).orElseThrow().contains("test bug refuses article"));
            assertEquals("DETERMINISTIC", DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.KIND).orElseThrow());
            String fingerprint = DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.FINGERPRINT).orElseThrow();

            for (ArticleRawV1 e : healthy) {
                await().atMost(Duration.ofSeconds(30)).until(() -> stored(e) == 1);
            }
            // No back-off before a failure no retry can mend (the old policy stalled its partition 7.5 s first).
            assertEquals(waitsBefore, count("newsflow.enrich.transient.waits"), "a deterministic failure is not retried");

            JsonPath listed = admin().get("/admin/dead-letters").then().statusCode(200).extract().jsonPath();
            assertEquals(1, listed.getInt("find { it.fingerprint == '" + fingerprint + "' }.pending"));
            assertTrue(listed.getString("find { it.fingerprint == '" + fingerprint + "' }.message").contains("test bug refuses article"));

            fixTheBug();
            assertEquals(1, admin().post("/admin/dead-letters/replay?fingerprint=" + fingerprint).then().statusCode(200).extract().jsonPath().getInt("replayed"));
            await().atMost(Duration.ofSeconds(30)).until(() -> stored(refused) == 1);

            JsonPath again = admin().post("/admin/dead-letters/replay?all=true").then().statusCode(200).extract().jsonPath();
            assertTrue(again.getInt("alreadyStored") >= 1, again.prettify());
            assertEquals(0, admin().get("/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                    .getInt("find { it.fingerprint == '" + fingerprint + "' }.pending"));
            assertEquals(1, stored(refused));
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM article_receipt WHERE event_id = ?", refused.eventId()));
        }
    }

    @Test
    void replayNeedsTheAdminKeyAndOneChoice() {
        RestAssured.given().post("/admin/dead-letters/replay?all=true").then().statusCode(401);
        admin().post("/admin/dead-letters/replay").then().statusCode(400).contentType("application/problem+json");
        admin().post("/admin/dead-letters/replay?all=true&fingerprint=abc").then().statusCode(400);
        admin().post("/admin/dead-letters/replay?all=yes").then().statusCode(400);
        admin().post("/admin/dead-letters/replay?fingerprint=000000000000").then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return RestAssured.given().header("X-API-Key", ADMIN_KEY);
    }

    private static int stored(ArticleRawV1 event) throws Exception {
        return TestDatabase.count("SELECT count(*) FROM article WHERE id = ?", event.articleId());
    }

    private static void send(RawTopicProducer producer, ArticleRawV1 event) {
        try {
            producer.send(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaConsumer<String, byte[]> dlqConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-replay-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer());
    }



    private double count(String counter) {
        return metrics.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
