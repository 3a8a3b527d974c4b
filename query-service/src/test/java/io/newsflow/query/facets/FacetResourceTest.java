package io.newsflow.query.facets;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.newsflow.query.Newsroom.PYONGYANG;
import static io.newsflow.query.Newsroom.UN;
import static io.newsflow.query.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

@QuarkusTest
class FacetResourceTest {

    @BeforeEach
    void newsroom() {
        StoredArticles.clear();
        Newsroom.store();
    }

    @Test
    void topThemesCountArticlesAndFilter() {
        given().get("/api/v1/themes/top").then().statusCode(200)
                .body("theme", contains("ARMEDCONFLICT", "SANCTIONS")).body("articles", contains(3, 2));
        given().queryParam("entity", PYONGYANG).get("/api/v1/themes/top").then().statusCode(200)
                .body("theme", contains("SANCTIONS", "ARMEDCONFLICT")).body("articles", contains(2, 1));
        given().queryParam("source", "Yonhap").queryParam("language", "en").get("/api/v1/themes/top").then()
                .statusCode(200).body("theme", contains("ARMEDCONFLICT")).body("articles", contains(1));
        given().queryParam("from", "2024-06-20T12:00:00Z").queryParam("to", "2024-06-20T13:00:00Z")
                .get("/api/v1/themes/top").then().statusCode(200).body("theme", contains("SANCTIONS"));
        given().queryParam("limit", 1).get("/api/v1/themes/top").then().statusCode(200)
                .body("theme", contains("ARMEDCONFLICT"));
    }

    @Test
    void languagesCountArticlesAndFilter() {
        given().get("/api/v1/languages").then().statusCode(200)
                .body("language", contains("en", "de", "ko")).body("articles", contains(3, 1, 1));
        given().queryParam("theme", "SANCTIONS").get("/api/v1/languages").then().statusCode(200)
                .body("language", contains("en", "ko")).body("articles", contains(1, 1));
        given().queryParam("entity", UN).queryParam("source", "Wire").get("/api/v1/languages").then().statusCode(200)
                .body("language", contains("de", "en")).body("articles", contains(1, 1));
        given().queryParam("from", "2025-01-01").get("/api/v1/languages").then().statusCode(200).body("$", empty());
    }

    @Test
    void topSourcesCountArticlesAndFilter() {
        given().get("/api/v1/sources/top").then().statusCode(200)
                .body("source", contains("Wire", "Yonhap")).body("articles", contains(3, 2));
        given().queryParam("language", "en").get("/api/v1/sources/top").then().statusCode(200)
                .body("source", contains("Wire", "Yonhap")).body("articles", contains(2, 1));
        given().queryParam("theme", "SANCTIONS").queryParam("entity", PYONGYANG).get("/api/v1/sources/top").then()
                .statusCode(200).body("source", contains("Wire", "Yonhap")).body("articles", contains(1, 1));
    }

    @Test
    void aThemeFilterOnTopThemesGivesTheThemesThatCoOccur() {
        given().queryParam("theme", "SANCTIONS").get("/api/v1/themes/top").then().statusCode(200)
                .body("theme", contains("SANCTIONS", "ARMEDCONFLICT")).body("articles", contains(2, 1));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/themes/top, theme, a b", "/api/v1/themes/top, limit, 0", "/api/v1/languages, language, x",
            "/api/v1/languages, from, June", "/api/v1/sources/top, q, wire", "/api/v1/sources/top, entity, pyongyang",
            "/api/v1/sources/top, source, ' '"})
    void invalidOrUnknownParametersAreA400NamingThem(String path, String name, String value) {
        assertProblem(given().queryParam(name, value).get(path).then(), 400, path, "'" + name + "'");
    }
}
