package io.newsflow.query.articles;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static io.newsflow.query.Newsroom.A1;
import static io.newsflow.query.Newsroom.A2;
import static io.newsflow.query.Newsroom.A3;
import static io.newsflow.query.Newsroom.A4;
import static io.newsflow.query.Newsroom.A5;
import static io.newsflow.query.Newsroom.KIM;
import static io.newsflow.query.Newsroom.PYONGYANG;
import static io.newsflow.query.Newsroom.UN;
import static io.newsflow.query.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Themes, entities and near-duplicates as the article list and detail show them. */
@QuarkusTest
class ArticleEnrichmentTest {

    @BeforeEach
    void newsroom() {
        StoredArticles.clear();
        Newsroom.store();
    }

    @Test
    void listItemsCarryThemesEntitiesAndDuplicateOf() {
        given().get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(A5, A4, A3, A2, A1))
                .body("items[0].themes", contains("ARMEDCONFLICT"))
                // equal mentions: ordered by id
                .body("items[0].entities.id", contains(UN, KIM))
                .body("items[0].duplicateOf", equalTo(A2))
                .body("items[1].themes", empty())
                .body("items[1].entities[0].id", equalTo(UN))
                .body("items[1].entities[0].name", equalTo("United Nations"))
                .body("items[1].entities[0].type", equalTo("ORGANIZATION"))
                .body("items[2].entities.id", contains(PYONGYANG, KIM))
                // the canonical article is not a duplicate of itself
                .body("items[3].duplicateOf", nullValue())
                .body("items[4].themes", contains("ARMEDCONFLICT", "SANCTIONS"))
                .body("items[4].entities.id", contains(KIM, PYONGYANG))
                .body("items[4].duplicateOf", nullValue());
    }

    @Test
    void filtersByThemeAndEntity() {
        given().queryParam("theme", "SANCTIONS").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(A3, A1));
        given().queryParam("theme", "armedconflict").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(A5, A2, A1));
        given().queryParam("entity", UN).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(A5, A4, A2));
        given().queryParam("entity", PYONGYANG).queryParam("theme", "ARMEDCONFLICT").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(A1));
        given().queryParam("entity", "person/nobody").get("/api/v1/articles").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void pagesKeepTheirThemesAndEntities() {
        String cursor = given().queryParam("limit", 2).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(A5, A4)).extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(A3, A2))
                .body("items[0].themes", contains("SANCTIONS"))
                .body("items[1].entities.id", contains(UN, KIM));
    }

    @Test
    void detailCarriesMentionsScoresAndNearDuplicates() {
        given().get("/api/v1/articles/" + A1).then().statusCode(200)
                .body("themes.theme", contains("ARMEDCONFLICT", "SANCTIONS"))
                .body("themes.score", contains(5.0f, 2.0f))
                .body("entities.id", contains(KIM, PYONGYANG))
                .body("entities.mentions", contains(3, 1))
                .body("entities[0].name", equalTo("Kim Jong Un"))
                .body("entities[0].type", equalTo("PERSON"))
                .body("nearDuplicates", empty())
                .body("duplicateOf", nullValue());
        given().get("/api/v1/articles/" + A5).then().statusCode(200)
                .body("duplicateOf", equalTo(A2))
                .body("nearDuplicates.id", contains(A2))
                .body("nearDuplicates.similarity", contains(0.93f));
        given().get("/api/v1/articles/" + A2).then().statusCode(200)
                .body("duplicateOf", nullValue())
                .body("nearDuplicates.id", contains(A5));
    }

    @Test
    void detailGivesTheAnalysedTextAndWhereEachEntityIsMentioned() {
        StoredArticles.store(StoredArticles.article("spans", "Kim in Pyongyang", "Kim Jong Un spoke.  Read more…",
                Instant.parse("2024-06-22T00:00:00Z")));
        String id = StoredArticles.idOf("spans");
        // Offsets count in title + "\n" + clean body: "Kim in Pyongyang\nKim Jong Un spoke."
        StoredArticles.cleanBody(id, "Kim Jong Un spoke.");
        StoredArticles.mentionAt(id, KIM, 17, 28, 0, 3);
        StoredArticles.mentionAt(id, PYONGYANG, 7, 16);

        given().get("/api/v1/articles/" + id).then().statusCode(200)
                .body("body", equalTo("Kim Jong Un spoke.  Read more…"))
                .body("cleanBody", equalTo("Kim Jong Un spoke."))
                .body("entities.id", contains(KIM, PYONGYANG))
                .body("entities[0].mentions", equalTo(2))
                .body("entities[0].spans.start", contains(0, 17))
                .body("entities[0].spans.end", contains(3, 28))
                .body("entities[1].spans.start", contains(7))
                .body("entities[1].spans.end", contains(16));
        // Rows from before clean bodies: no analysed text, no spans, the body still there.
        given().get("/api/v1/articles/" + A1).then().statusCode(200)
                .body("cleanBody", nullValue())
                .body("entities[0].spans", empty());
    }

    @ParameterizedTest
    @CsvSource({"theme, not a theme", "theme, 9LIVES", "entity, kim-jong-un", "entity, person/", "entity, thing/x",
            "entity, person/a/b"})
    void invalidThemeOrEntityIsA400NamingIt(String name, String value) {
        assertProblem(given().queryParam(name, value).get("/api/v1/articles").then(), 400, "/api/v1/articles",
                "'" + name + "'");
    }
}
