package io.newsflow.query.articles;

import io.newsflow.query.StoredArticles;
import io.newsflow.query.StoredArticles.Fixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.newsflow.query.Problems.assertProblem;
import static io.newsflow.query.StoredArticles.article;
import static io.newsflow.query.StoredArticles.idOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ArticleResourceTest {

    private static final Instant NOON = Instant.parse("2024-06-20T12:00:00Z");

    @BeforeEach
    void emptyStore() {
        StoredArticles.clear();
    }

    @Test
    void listsNewestStoredFirstAndPagesUntilExhausted() {
        // Stored order, not publication order, decides "newest": a late-arriving old article comes first.
        StoredArticles.store(
                article("a1", "First", "one", NOON),
                article("a2", "Second", "two", NOON.plusSeconds(60)),
                article("a3", "Third", "three", NOON.plusSeconds(120)),
                article("a4", "Fourth", "four", NOON.plusSeconds(180)),
                article("a5", "Old news", "five", NOON.minusSeconds(86_400)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/articles").then().statusCode(200).extract().response();
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(List.of(idOf("a5"), idOf("a4"), idOf("a3"), idOf("a2"), idOf("a1")), seen);
        assertEquals(3, pages);
    }

    @Test
    void pollingWithSinceReturnsOnlyWhatWasStoredAfterTheLatestCursor() {
        StoredArticles.store(article("p1", "One", "one", NOON), article("p2", "Two", "two", NOON.plusSeconds(60)));
        String latest = given().get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("p2"), idOf("p1")))
                .extract().path("latestCursor");

        // Nothing new: no items, and the poller keeps its position.
        given().queryParam("since", latest).get("/api/v1/articles").then().statusCode(200)
                .body("items", empty()).body("latestCursor", equalTo(latest));

        StoredArticles.store(article("p3", "Three", "three", NOON.plusSeconds(120)),
                article("p4", "Four", "four", NOON.minusSeconds(86_400)));
        String newer = given().queryParam("since", latest).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("p4"), idOf("p3")))
                .extract().path("latestCursor");
        given().queryParam("since", newer).get("/api/v1/articles").then().statusCode(200).body("items", empty());

        // More new articles than a page: nextCursor pages back through them, never below since.
        given().queryParam("since", latest).queryParam("limit", 1).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("p4"))).body("nextCursor", notNullValue());
    }

    @Test
    void aForeignSinceIsA400NamingIt() {
        assertProblem(given().queryParam("since", "not-a-cursor").get("/api/v1/articles").then(), 400, "/api/v1/articles", "'since'");
    }

    @Test
    void listItemsCarryTheContractFields() {
        StoredArticles.store(article("a1", "Summit ends", "Leaders met.", NOON));

        given().get("/api/v1/articles").then().statusCode(200)
                .body("nextCursor", nullValue())
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(idOf("a1")))
                .body("items[0].title", equalTo("Summit ends"))
                .body("items[0].source", equalTo("Wire"))
                .body("items[0].author", equalTo("Reporter a1"))
                .body("items[0].publishedAt", equalTo("2024-06-20T11:00:00Z"))
                .body("items[0].ingestedAt", equalTo("2024-06-20T12:00:00Z"))
                .body("items[0].language", equalTo("en"))
                .body("items[0].themes", empty())
                .body("items[0].entities", empty())
                .body("items[0]", hasKey("duplicateOf"))
                .body("items[0].duplicateOf", nullValue())
                .body("items[0]", org.hamcrest.Matchers.not(hasKey("body")));
    }

    @Test
    void defaultPageIsTwentyAndTheLimitCapIsAccepted() {
        StoredArticles.store(IntStream.range(0, 21)
                .mapToObj(i -> article("n" + i, "Title " + i, "body " + i, NOON.plusSeconds(i)))
                .toArray(Fixture[]::new));

        given().get("/api/v1/articles").then().statusCode(200)
                .body("items", hasSize(20))
                .body("nextCursor", notNullValue());
        given().queryParam("limit", 1000).get("/api/v1/articles").then().statusCode(200)
                .body("items", hasSize(21))
                .body("nextCursor", nullValue());
    }

    @Test
    void filtersByLanguageAndSource() {
        StoredArticles.store(
                article("en-wire", "A", "a", NOON),
                article("de-wire", "B", "b", NOON).language("de"),
                article("de-post", "C", "c", NOON).language("de").source("Post"));

        given().queryParam("language", "de").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("de-post"), idOf("de-wire")));
        given().queryParam("language", "DE").queryParam("source", "Wire").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("de-wire")));
        given().queryParam("source", "Nobody").get("/api/v1/articles").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void filtersByEventTimeGivenAsInstantDateOrEpochMillis() {
        StoredArticles.store(
                article("june19", "A", "a", Instant.parse("2024-06-19T23:30:00Z")).publishedAt(Instant.parse("2024-06-19T23:00:00Z")),
                article("june20", "B", "b", Instant.parse("2024-06-20T05:19:00Z")).publishedAt(Instant.parse("2024-06-20T05:19:00Z")),
                // Never published: it sits on the timeline when it arrived.
                article("june21", "C", "c", Instant.parse("2024-06-21T00:00:00Z")).publishedAt(null));

        given().queryParam("from", "2024-06-20").queryParam("to", "2024-06-20").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(idOf("june20")));
        given().queryParam("from", "2024-06-20T05:19:00Z").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(idOf("june21"), idOf("june20")));
        given().queryParam("to", Instant.parse("2024-06-20T05:19:00Z").toEpochMilli()).get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(idOf("june19")));
        given().queryParam("from", "2024-06-21").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", contains(idOf("june21")));
    }

    @Test
    void searchesTitleAndBodyInFullText() {
        StoredArticles.store(
                article("quake", "Earthquake hits coast", "Rescue teams arrived at dawn.", NOON),
                article("summit", "Summit in Geneva", "Talks on trade and rescue funds.", NOON),
                article("match", "Cup final", "A late goal decided it.", NOON));

        given().queryParam("q", "rescue").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("summit"), idOf("quake")));
        given().queryParam("q", "rescue -geneva").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("quake")));
        given().queryParam("q", "\"late goal\"").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("match")));
        given().queryParam("q", "volcano").get("/api/v1/articles").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void emptySearchAndFilterValuesFilterNothing() {
        // Grafana's text-box variables send q= and language= while they are empty.
        StoredArticles.store(
                article("en", "A", "a", NOON),
                article("de", "B", "b", NOON.plusSeconds(60)).language("de"));

        given().queryParam("q", "").queryParam("language", "").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("de"), idOf("en")));
    }

    @Test
    void detailCarriesBodyUrlAndConfidence() {
        StoredArticles.store(article("a1", "Summit ends", "Leaders met in Geneva.", NOON));

        given().get("/api/v1/articles/" + idOf("a1")).then().statusCode(200)
                .body("id", equalTo(idOf("a1")))
                .body("title", equalTo("Summit ends"))
                .body("body", equalTo("Leaders met in Geneva."))
                .body("url", equalTo("https://news.example/a1"))
                .body("source", equalTo("Wire"))
                .body("author", equalTo("Reporter a1"))
                .body("publishedAt", equalTo("2024-06-20T11:00:00Z"))
                .body("ingestedAt", equalTo("2024-06-20T12:00:00Z"))
                .body("language", equalTo("en"))
                .body("languageConfidence", equalTo(0.97f))
                .body("entities", empty())
                .body("themes", empty())
                .body("nearDuplicates", empty())
                .body("duplicateOf", nullValue());
    }

    @Test
    void unknownArticleIsA404Problem() {
        String path = "/api/v1/articles/" + idOf("never-stored");
        assertProblem(given().get(path).then(), 404, path, idOf("never-stored"));
    }

    @Test
    void malformedArticleIdIsA400Problem() {
        String path = "/api/v1/articles/ABC123";
        assertProblem(given().get(path).then(), 400, path, "'id'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "limit, 0",
            "limit, 5000",
            "limit, abc",
            "from, yesterday",
            "to, 2024-13-45",
            "from, 2024-06-20T05:19:00",
            "cursor, not-a-cursor",
            "cursor, czA",
            "language, english",
            "q, ' '",
            "unknown, 1",
    })
    void invalidOrUnknownParametersAreA400ProblemNamingTheParameter(String name, String value) {
        assertProblem(given().queryParam(name, value).get("/api/v1/articles").then(), 400, "/api/v1/articles",
                "'" + name + "'");
    }

    @Test
    void fromAfterToIsRejected() {
        assertProblem(given().queryParam("from", "2024-06-21").queryParam("to", "2024-06-20").get("/api/v1/articles").then(),
                400, "/api/v1/articles", "'from'");
    }

    @Test
    void aParameterGivenTwiceIsRejected() {
        assertProblem(given().queryParam("limit", 1, 2).get("/api/v1/articles").then(), 400, "/api/v1/articles", "'limit'");
    }
}
