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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class EntityTagTest {

    private static final Instant NOON = Instant.parse("2024-06-20T12:00:00Z");

    @BeforeEach
    void oneArticle() {
        StoredArticles.clear();
        StoredArticles.store(article("a1", "A", "a", NOON));
        StoredArticles.entity("person/kim-jong-un", "PERSON", "Kim Jong Un");
        StoredArticles.mention(idOf("a1"), "person/kim-jong-un", 1);
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
    void changedDataGetsANewTag() {
        String before = given().get("/api/v1/articles").then().statusCode(200).extract().header("ETag");
        StoredArticles.store(article("a2", "B", "b", NOON.plusSeconds(60)));

        String after = given().header("If-None-Match", before).get("/api/v1/articles").then()
                .statusCode(200).extract().header("ETag");

        assertNotEquals(before, after);
    }

    @Test
    void aggregatesGetANewTagWhenTheirCountsChange() {
        for (String path : new String[] {"/api/v1/timeline?interval=1d", "/api/v1/entities/top", "/api/v1/themes/top"}) {
            String before = given().get(path).then().statusCode(200).extract().header("ETag");
            StoredArticles.store(article("b" + path.length(), "B", "b", NOON.plusSeconds(60)));
            StoredArticles.mention(idOf("b" + path.length()), "person/kim-jong-un", 1);
            StoredArticles.theme(idOf("b" + path.length()), "SANCTIONS", 3);

            given().header("If-None-Match", before).get(path).then().statusCode(200)
                    .header("ETag", not(equalTo(before)));
        }
    }
}
