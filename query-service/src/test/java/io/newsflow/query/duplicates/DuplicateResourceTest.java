package io.newsflow.query.duplicates;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.newsflow.query.Newsroom.A1;
import static io.newsflow.query.Newsroom.A2;
import static io.newsflow.query.Newsroom.A3;
import static io.newsflow.query.Newsroom.A4;
import static io.newsflow.query.Newsroom.A5;
import static io.newsflow.query.Newsroom.CLUSTER_UPDATED;
import static io.newsflow.query.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

@QuarkusTest
class DuplicateResourceTest {

    private long cluster;
    private long newer;

    @BeforeEach
    void newsroom() {
        StoredArticles.clear();
        cluster = Newsroom.store();
        // a second, more recently changed cluster of three: a3 is canonical, a1 and a4 joined
        newer = StoredArticles.cluster(A3, CLUSTER_UPDATED.plusSeconds(3600), A3, 0.88, A1, 0.88, A4, 0.81);
    }

    @Test
    void listsClustersMostRecentlyChangedFirstWithTheirMembers() {
        given().get("/api/v1/duplicates").then().statusCode(200)
                .body("clusterId", contains((int) newer, (int) cluster))
                .body("canonicalId", contains(A3, A2))
                .body("size", contains(3, 2))
                .body("[0].members.id", contains(A3, A1, A4))
                .body("[0].members.similarity", contains(0.88f, 0.88f, 0.81f))
                .body("[1].members.id", contains(A2, A5))
                .body("[1].members.similarity", contains(0.93f, 0.93f));
    }

    @Test
    void filtersApplyToTheCanonicalArticle() {
        given().queryParam("language", "ko").get("/api/v1/duplicates").then().statusCode(200)
                .body("canonicalId", contains(A3));
        given().queryParam("to", "2024-06-20T11:00:00Z").queryParam("source", "Yonhap").get("/api/v1/duplicates")
                .then().statusCode(200).body("canonicalId", contains(A2));
        given().queryParam("entity", "person/kim-jong-un").queryParam("theme", "ARMEDCONFLICT")
                .get("/api/v1/duplicates").then().statusCode(200).body("canonicalId", contains(A2));
        given().queryParam("limit", 1).get("/api/v1/duplicates").then().statusCode(200)
                .body("canonicalId", contains(A3));
        given().queryParam("from", "2024-07-01").get("/api/v1/duplicates").then().statusCode(200).body("$", empty());
    }

    @ParameterizedTest
    @CsvSource({"limit, 2000", "from, soon", "language, 12", "theme, -", "entity, un", "size, 2"})
    void invalidOrUnknownParametersAreA400NamingThem(String name, String value) {
        assertProblem(given().queryParam(name, value).get("/api/v1/duplicates").then(), 400, "/api/v1/duplicates",
                "'" + name + "'");
    }
}
