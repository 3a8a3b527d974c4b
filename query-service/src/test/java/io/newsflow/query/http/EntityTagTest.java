package io.newsflow.query.http;

import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.newsflow.query.StoredArticles.article;
import static io.newsflow.query.StoredArticles.idOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class EntityTagTest {

    private static final Instant NOON = Instant.parse("2024-06-20T12:00:00Z");

    @BeforeEach
    void oneArticle() {
        StoredArticles.clear();
        StoredArticles.store(article("a1", "A", "a", NOON));
    }

    @Test
    void matchingIfNoneMatchGetsABodiless304() {
        for (String path : new String[] {"/api/v1/stats", "/api/v1/articles", "/api/v1/articles/" + idOf("a1")}) {
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
    void changedDataGetsANewTag() {
        String before = given().get("/api/v1/articles").then().statusCode(200).extract().header("ETag");
        StoredArticles.store(article("a2", "B", "b", NOON.plusSeconds(60)));

        String after = given().header("If-None-Match", before).get("/api/v1/articles").then()
                .statusCode(200).extract().header("ETag");

        assertNotEquals(before, after);
    }
}
