package io.newsflow.query.pipeline;

import io.newsflow.query.EnrichBacklog;
import io.newsflow.query.FrequentPipelineRefresh;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

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

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EnrichBacklog kafka;

    @BeforeAll
    static void topics() throws Exception {
        kafka = new EnrichBacklog();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void countsEnrichsLagAndTheDeadLettersFromTheTopics() throws Exception {
        kafka.commitEverything();
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then().statusCode(200)
                .body("pipeline.articlesWaiting", equalTo(0))
                .body("pipeline.kafkaError", nullValue()));
        int deadBefore = given().get("/api/v1/stats").then().extract().path("pipeline.deadLettered");

        kafka.send(EnrichBacklog.RAW, 3);
        kafka.send(EnrichBacklog.DLQ, 2);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then().statusCode(200)
                .body("pipeline.articlesWaiting", equalTo(3))
                .body("pipeline.deadLettered", equalTo(deadBefore + 2))
                .body("pipeline.pending", equalTo(3)));
        // The same numbers for Prometheus, as the alert rules in deploy/prometheus/ read them.
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsflow_pipeline_articles_waiting 3.0"))
                .body(containsString("newsflow_pipeline_files_waiting NaN"));

        kafka.commitEverything();
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
        kafka.commitEverything();
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then().body("pipeline.articlesWaiting", equalTo(0)));
        String before = given().get("/api/v1/stats").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", before).get("/api/v1/stats").then().statusCode(304);

        kafka.send(EnrichBacklog.RAW, 1);

        await().atMost(WAIT).untilAsserted(() -> given().header("If-None-Match", before).get("/api/v1/stats").then()
                .statusCode(200)
                .header("ETag", not(equalTo(before)))
                .body("pipeline.articlesWaiting", equalTo(1)));
        kafka.commitEverything();
    }

    @Test
    void theRateFollowsWhatEnrichStored() {
        StoredArticles.clear();
        Instant noon = Instant.parse("2024-06-20T12:00:00Z");
        StoredArticles.store(article("r1", "A", "a", noon), article("r2", "B", "b", noon), article("r3", "C", "c", noon));

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/stats").then()
                .body("pipeline.articlesPerSecond", greaterThan(0f)));
    }
}
