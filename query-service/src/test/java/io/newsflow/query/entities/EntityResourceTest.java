package io.newsflow.query.entities;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.newsflow.query.Newsroom.KIM;
import static io.newsflow.query.Newsroom.PYONGYANG;
import static io.newsflow.query.Newsroom.UN;
import static io.newsflow.query.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class EntityResourceTest {

    @BeforeEach
    void newsroom() {
        StoredArticles.clear();
        Newsroom.store();
    }

    @Test
    void topCountsArticlesPerEntity() {
        given().get("/api/v1/entities/top").then().statusCode(200)
                .body("id", contains(KIM, UN, PYONGYANG))
                .body("articles", contains(4, 3, 2))
                .body("[0].name", equalTo("Kim Jong Un"))
                .body("[0].type", equalTo("PERSON"))
                .body("[1].type", equalTo("ORGANIZATION"));
    }

    @Test
    void topFiltersByTypeWindowLanguageSourceAndTheme() {
        given().queryParam("type", "LOCATION").get("/api/v1/entities/top").then().statusCode(200)
                .body("id", contains(PYONGYANG)).body("articles", contains(2));
        given().queryParam("type", "organization").get("/api/v1/entities/top").then().statusCode(200)
                .body("id", contains(UN));
        given().queryParam("language", "en").get("/api/v1/entities/top").then().statusCode(200)
                .body("id", contains(KIM, UN, PYONGYANG)).body("articles", contains(3, 2, 1));
        given().queryParam("from", "2024-06-20T11:00:00Z").get("/api/v1/entities/top").then().statusCode(200)
                // ties are ordered by id
                .body("id", contains(PYONGYANG, UN, KIM)).body("articles", contains(1, 1, 1));
        given().queryParam("source", "Yonhap").queryParam("theme", "SANCTIONS").get("/api/v1/entities/top").then()
                .statusCode(200).body("id", contains(PYONGYANG, KIM)).body("articles", contains(1, 1));
        // with an entity filter: the entities of the articles that mention it, itself first
        given().queryParam("entity", UN).get("/api/v1/entities/top").then().statusCode(200)
                .body("id", contains(UN, KIM)).body("articles", contains(3, 2));
        given().queryParam("limit", 1).get("/api/v1/entities/top").then().statusCode(200).body("id", contains(KIM));
        given().queryParam("to", "2024-06-01").get("/api/v1/entities/top").then().statusCode(200).body("$", empty());
    }

    @Test
    void relatedCountsArticlesMentioningBoth() {
        given().get("/api/v1/entities/" + KIM + "/related").then().statusCode(200)
                .body("id", contains(PYONGYANG, UN))
                .body("articles", contains(2, 2))
                .body("name", contains("Pyongyang", "United Nations"))
                .body("type", contains("LOCATION", "ORGANIZATION"));
        given().queryParam("type", "ORGANIZATION").get("/api/v1/entities/" + KIM + "/related").then().statusCode(200)
                .body("id", contains(UN));
        given().queryParam("from", "2024-06-20T11:00:00Z").get("/api/v1/entities/" + KIM + "/related").then()
                .statusCode(200).body("id", contains(PYONGYANG)).body("articles", contains(1));
        given().queryParam("language", "en").queryParam("theme", "ARMEDCONFLICT")
                .get("/api/v1/entities/" + UN + "/related").then().statusCode(200)
                .body("id", contains(KIM)).body("articles", contains(2));
    }

    @Test
    void anEntityWithoutNeighboursHasAnEmptyList() {
        StoredArticles.entity("person/hermit", "PERSON", "Hermit");
        given().get("/api/v1/entities/person/hermit/related").then().statusCode(200).body("$", empty());
    }

    @Test
    void unknownEntityIsA404() {
        String path = "/api/v1/entities/person/nobody/related";
        assertProblem(given().get(path).then(), 404, path, "person/nobody");
    }

    @Test
    void malformedEntityIdIsA400() {
        String path = "/api/v1/entities/kim-jong-un/related";
        assertProblem(given().get(path).then(), 400, path, "'id'");
    }

    @ParameterizedTest
    @CsvSource({"type, EVENT", "limit, 0", "limit, 1001", "from, tomorrow", "language, xx-yy", "theme, -",
            "entity, kim", "q, kim"})
    void invalidOrUnknownParametersAreA400NamingThem(String name, String value) {
        assertProblem(given().queryParam(name, value).get("/api/v1/entities/top").then(), 400,
                "/api/v1/entities/top", "'" + name + "'");
        String related = "/api/v1/entities/" + KIM + "/related";
        assertProblem(given().queryParam(name, value).get(related).then(), 400, related, "'" + name + "'");
    }
}
