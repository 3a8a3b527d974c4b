package io.newsflow.query.stats;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.newsflow.query.Problems.assertProblem;
import static io.newsflow.query.StoredArticles.article;
import static io.newsflow.query.StoredArticles.idOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StatsResourceTest {

    private static final Instant NOON = Instant.parse("2024-06-20T12:00:00Z");

    @BeforeEach
    void emptyStore() {
        StoredArticles.clear();
    }

    @Test
    void emptyStoreCountsNothing() {
        given().get("/api/v1/stats").then().statusCode(200)
                .body("articles", equalTo(0))
                .body("duplicatesDropped", equalTo(0))
                .body("nearDuplicates", equalTo(0))
                .body("languages", equalTo(0))
                .body("entities", equalTo(0))
                .body("lastIngestedAt", nullValue());
    }

    @Test
    void countsArticlesDuplicatesAndLanguages() {
        StoredArticles.store(
                article("a1", "A", "a", NOON),
                article("a2", "B", "b", NOON.plusSeconds(300)).language("de"),
                article("a3", "C", "c", NOON.minusSeconds(300)).language("de"));
        StoredArticles.receipt("e1", idOf("a1"), "STORED");
        StoredArticles.receipt("e2", idOf("a2"), "STORED");
        StoredArticles.receipt("e3", idOf("a3"), "STORED");
        StoredArticles.receipt("e4", idOf("a1"), "DUPLICATE");
        StoredArticles.receipt("e5", idOf("a1"), "DUPLICATE");

        given().get("/api/v1/stats").then().statusCode(200)
                .body("articles", equalTo(3))
                .body("duplicatesDropped", equalTo(2))
                .body("languages", equalTo(2))
                .body("lastIngestedAt", equalTo("2024-06-20T12:05:00Z"));
    }

    @Test
    void countsNearDuplicatesAndEntities() {
        Newsroom.store();
        // a cluster of three adds two near-duplicates to the first cluster's one
        StoredArticles.cluster(idOf("a3"), NOON, idOf("a3"), 0.9, idOf("a1"), 0.9, idOf("a4"), 0.85);

        given().get("/api/v1/stats").then().statusCode(200)
                .body("articles", equalTo(5))
                .body("nearDuplicates", equalTo(3))
                .body("entities", equalTo(3))
                .body("languages", equalTo(3));
    }

    @Test
    void anyQueryParameterIsRejected() {
        assertProblem(given().queryParam("foo", "1").get("/api/v1/stats").then(), 400, "/api/v1/stats", "'foo'");
    }
}
