package io.newsflow.query.freshness;

import io.newsflow.query.PeriodicWatermark;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.newsflow.query.StoredArticles.article;
import static io.newsflow.query.StoredArticles.idOf;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** In the production mode: the watermark re-read on a period, so a change reaches the tags within one period. */
@QuarkusTest
@TestProfile(PeriodicWatermark.class)
class EntityTagTest {

    private static final Instant NOON = Instant.parse("2024-06-20T12:00:00Z");

    @BeforeEach
    void oneArticle() {
        StoredArticles.clear();
        StoredArticles.store(article("a1", "A", "a", NOON));
        StoredArticles.entity("person/kim-jong-un", "PERSON", "Kim Jong Un");
        StoredArticles.mention(idOf("a1"), "person/kim-jong-un", 1);
        settled();
    }

    /** Waits until the service has seen the fixtures' last change: its tags stay the same across two refresh periods. */
    private static void settled() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String first = given().get("/api/v1/stats").then().extract().header("ETag");
            Thread.sleep(100);
            return first.equals(given().get("/api/v1/stats").then().extract().header("ETag"));
        });
    }

    @Test
    void matchingIfNoneMatchGetsABodiless304() {
        for (String path : new String[] {"/api/v1/stats", "/api/v1/articles", "/api/v1/articles/" + idOf("a1"),
                "/api/v1/timeline", "/api/v1/timeline?groupBy=language", "/api/v1/entities/top",
                "/api/v1/entities/person/kim-jong-un/related", "/api/v1/themes/top", "/api/v1/languages",
                "/api/v1/sources/top", "/api/v1/duplicates"}) {
            String tag = given().get(path).then().statusCode(200)
                    .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{43}\""))
                    .header("Cache-Control", equalTo("max-age=2"))
                    .extract().header("ETag");

            given().header("If-None-Match", tag).get(path).then()
                    .statusCode(304)
                    .header("ETag", equalTo(tag))
                    .body(emptyString());
            given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
        }
    }

    @Test
    void changedDataGetsANewTagWithinTheWatermarkPeriod() {
        String before = given().get("/api/v1/articles").then().statusCode(200).extract().header("ETag");
        StoredArticles.store(article("a2", "B", "b", NOON.plusSeconds(60)));

        String after = newTag("/api/v1/articles", before);

        assertNotEquals(before, after);
        given().get("/api/v1/articles").then().statusCode(200).body("items.id", hasItem(idOf("a2")));
    }

    @Test
    void aggregatesGetANewTagWhenTheirCountsChange() {
        for (String path : new String[] {"/api/v1/timeline?interval=1d", "/api/v1/entities/top", "/api/v1/themes/top"}) {
            String before = given().get(path).then().statusCode(200).extract().header("ETag");
            StoredArticles.store(article("b" + path.length(), "B", "b", NOON.plusSeconds(60)));
            StoredArticles.mention(idOf("b" + path.length()), "person/kim-jong-un", 1);
            StoredArticles.theme(idOf("b" + path.length()), "SANCTIONS", 3);

            assertNotEquals(before, newTag(path, before));
        }
    }

    @Test
    void theTagDependsOnTheQuestionAndTheRepresentation() {
        String json = given().get("/api/v1/themes/top").then().statusCode(200).extract().header("ETag");
        String csv = given().queryParam("format", "csv").get("/api/v1/themes/top").then().statusCode(200).extract().header("ETag");
        String accepted = given().accept("text/csv").get("/api/v1/themes/top").then().statusCode(200).extract().header("ETag");
        String limited = given().queryParam("limit", 1).get("/api/v1/themes/top").then().statusCode(200).extract().header("ETag");
        assertEquals(4, Set.of(json, csv, accepted, limited).size());
        // A JSON tag does not validate the CSV answer, nor the other way round.
        given().queryParam("format", "csv").header("If-None-Match", json).get("/api/v1/themes/top").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().header("If-None-Match", csv).get("/api/v1/themes/top").then().statusCode(200).contentType(startsWith("application/json"));
        given().queryParam("format", "csv").header("If-None-Match", csv).get("/api/v1/themes/top").then().statusCode(304)
                .header("Vary", equalTo("Accept"));
    }

    @Test
    void refusedRequestsGetNoTag() {
        given().queryParam("langauge", "en").get("/api/v1/themes/top").then().statusCode(400).header("ETag", nullValue());
        given().get("/api/v1/articles/" + idOf("missing")).then().statusCode(404).header("ETag", nullValue());
    }

    /** Polls as a dashboard does until the answer changes, and returns its new tag. */
    private static String newTag(String path, String before) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            var answer = given().header("If-None-Match", before).get(path).then().extract();
            return answer.statusCode() == 200 ? answer.header("ETag") : null;
        }, tag -> tag != null);
    }
}
