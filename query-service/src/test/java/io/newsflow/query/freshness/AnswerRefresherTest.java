package io.newsflow.query.freshness;

import io.newsflow.query.BoundedStaleness;
import io.newsflow.query.StoredArticles;
import io.newsflow.query.WithApiKey;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.newsflow.query.StoredArticles.article;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * With a staleness bound of three seconds (and an API key): pollers never wait for a computation the
 * bound covers.
 */
@QuarkusTest
@TestProfile(BoundedStaleness.class)
class AnswerRefresherTest {

    private static final Instant NOON = Instant.parse("2024-06-20T12:00:00Z");

    @BeforeEach
    void oneArticle() {
        StoredArticles.clear();
        StoredArticles.store(article("a1", "A", "a", NOON));
        // Each test starts from answers computed now, not from the test before's: a reload computes and keeps them.
        api().header("Cache-Control", "no-cache").get("/api/v1/stats").then().statusCode(200);
        bearer().header("Cache-Control", "no-cache").queryParam("format", "csv").get("/api/v1/languages").then().statusCode(200);
    }

    @Test
    void afterAChangeThePreviousAnswerIsServedWhileTheNewOneIsComputedInTheBackground() throws Exception {
        ExtractableResponse<Response> before = stats();
        assertEquals(1, before.jsonPath().getInt("articles"));

        StoredArticles.store(article("a2", "B", "b", NOON.plusSeconds(60)));
        ExtractableResponse<Response> stale = stats();
        // The previous answer under its own tag, so a poller holding that tag keeps getting 304s.
        assertEquals(1, stale.jsonPath().getInt("articles"));
        assertEquals(before.header("ETag"), stale.header("ETag"));

        // No poller computed the new answer; the background request did, and a later poll gets it.
        ExtractableResponse<Response> fresh = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(AnswerRefresherTest::stats, r -> r.jsonPath().getInt("articles") == 2);
        assertNotEquals(before.header("ETag"), fresh.header("ETag"));
    }

    @Test
    void anAnswerOlderThanTheBoundIsNeverServedAfterAChange() throws Exception {
        assertEquals(1, stats().jsonPath().getInt("articles"));
        // The scenario is the passing of time itself: the answer kept ages past the three-second bound.
        Thread.sleep(3500);

        StoredArticles.store(article("a2", "B", "b", NOON.plusSeconds(60)));

        assertEquals(2, stats().jsonPath().getInt("articles"));
    }

    @Test
    void aReloadGetsCurrentData() {
        assertEquals(1, stats().jsonPath().getInt("articles"));

        StoredArticles.store(article("a2", "B", "b", NOON.plusSeconds(60)));

        assertEquals(2, api().header("Cache-Control", "no-cache").get("/api/v1/stats").then().statusCode(200)
                .extract().jsonPath().getInt("articles"));
    }

    @Test
    void csvAndJsonAreRefreshedAsTheirOwnQuestions() throws Exception {
        String csv = bearer().queryParam("format", "csv").get("/api/v1/languages").then().statusCode(200).extract().asString();
        StoredArticles.store(article("a2", "B", "b", NOON.plusSeconds(60)));

        assertEquals(csv, bearer().queryParam("format", "csv").get("/api/v1/languages").then().statusCode(200).extract().asString());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> bearer().queryParam("format", "csv").get("/api/v1/languages").then().statusCode(200)
                        .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString(), refreshed -> !refreshed.equals(csv));
    }

    /** Requests with the key; the background refresh only succeeds if it carries the poller's key along. */
    private static RequestSpecification api() {
        return given().header("X-API-Key", WithApiKey.KEY);
    }

    private static RequestSpecification bearer() {
        return given().header("Authorization", "Bearer " + WithApiKey.KEY);
    }

    private static ExtractableResponse<Response> stats() {
        return api().get("/api/v1/stats").then().statusCode(200).extract();
    }
}
