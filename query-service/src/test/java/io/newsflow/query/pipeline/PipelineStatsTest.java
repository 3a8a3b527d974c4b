package io.newsflow.query.pipeline;

import io.newsflow.query.FrequentPipelineRefresh;
import io.newsflow.query.StoredArticles;
import io.newsflow.stack.TestStack;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static io.newsflow.query.StoredArticles.article;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * /stats' pipeline object over the test JVM's real broker: the lag of enrich's group and the dead letters
 * counted from real topics, the rate from stored rows, and no ingest-service to ask (the tests point at a
 * port that refuses).
 */
@QuarkusTest
@TestProfile(FrequentPipelineRefresh.class)
class PipelineStatsTest {

    private static final String RAW = "articles.raw.v1";
    private static final String DLQ = "articles.raw.v1.dlq";
    private static final TopicPartition RAW_0 = new TopicPartition(RAW, 0);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Admin admin;
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void topics() throws Exception {
        String servers = TestStack.get().kafkaBootstrapServers();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        // One partition each, so that committing partition 0 commits everything.
        for (String topic : List.of(RAW, DLQ)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
        admin.close();
    }

    @Test
    void countsEnrichsLagAndTheDeadLettersFromTheTopics() throws Exception {
        commitEverything();
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then().statusCode(200)
                .body("pipeline.articlesWaiting", equalTo(0))
                .body("pipeline.kafkaError", nullValue()));
        int deadBefore = given().get("/api/v1/stats").then().extract().path("pipeline.deadLettered");

        send(RAW, 3);
        send(DLQ, 2);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then().statusCode(200)
                .body("pipeline.articlesWaiting", equalTo(3))
                .body("pipeline.deadLettered", equalTo(deadBefore + 2))
                .body("pipeline.pending", equalTo(3)));

        commitEverything();
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then()
                .body("pipeline.articlesWaiting", equalTo(0))
                .body("pipeline.pending", equalTo(0))
                .body("pipeline.secondsLeft", equalTo(0))
                .body("pipeline.deadLettered", equalTo(deadBefore + 2)));
    }

    @Test
    void anUnreachableIngestIsNullNumbersAndAReasonNotAFailure() {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then().statusCode(200)
                .body("articles", notNullValue())
                .body("pipeline.filesWaiting", nullValue())
                .body("pipeline.filesFailed", nullValue())
                .body("pipeline.inboxError", containsString("ingest-service does not answer at http://127.0.0.1:1/api/v1/inbox")));
    }

    @Test
    void theTagChangesWithTheBacklogSoAPollNeverGetsA304OverIt() throws Exception {
        commitEverything();
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then().body("pipeline.articlesWaiting", equalTo(0)));
        String before = given().get("/api/v1/stats").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", before).get("/api/v1/stats").then().statusCode(304);

        send(RAW, 1);

        await().atMost(WAIT).untilAsserted(() -> given().header("If-None-Match", before).get("/api/v1/stats").then()
                .statusCode(200)
                .header("ETag", not(equalTo(before)))
                .body("pipeline.articlesWaiting", equalTo(1)));
        commitEverything();
    }

    @Test
    void theRateFollowsWhatEnrichStored() {
        StoredArticles.clear();
        Instant noon = Instant.parse("2024-06-20T12:00:00Z");
        StoredArticles.store(article("r1", "A", "a", noon), article("r2", "B", "b", noon), article("r3", "C", "c", noon));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then()
                .body("pipeline.articlesPerSecond", greaterThan(0f)));
    }

    private static void send(String topic, int records) throws Exception {
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, "k" + i, "{}")).get();
        }
    }

    /** As enrich does after storing: the group's offset moves to the end of the raw topic. */
    private static void commitEverything() throws Exception {
        long end = admin.listOffsets(Map.of(RAW_0, OffsetSpec.latest())).partitionResult(RAW_0).get().offset();
        admin.alterConsumerGroupOffsets("newsflow-enrich", Map.of(RAW_0, new OffsetAndMetadata(end))).all().get();
    }
}
