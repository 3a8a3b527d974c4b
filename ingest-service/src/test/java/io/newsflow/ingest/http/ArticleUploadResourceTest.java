package io.newsflow.ingest.http;

import io.newsflow.events.ArticleRawV1;
import io.newsflow.ingest.support.RunningIngestTest;
import io.newsflow.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class ArticleUploadResourceTest extends RunningIngestTest {


    @Test
    void aJsonArticleIsAcceptedOnceKafkaHasItAndAnsweredWithItsId() {
        String id = given().contentType(ContentType.JSON)
                .body("{\"title\":\"Summit ends\",\"body\":\"The two leaders met on Wednesday.\",\"source\":\"Example Wire\","
                        + "\"publishedAt\":\"2024-06-20T05:19:00Z\"}")
                .when().post("/api/v1/articles")
                .then().statusCode(202).body("articles", equalTo(1)).body("ids", hasSize(1))
                .extract().path("ids[0]");
        ArticleRawV1 event = topic.awaitEvents(1).get(0);
        assertEquals(id, event.articleId());
        assertEquals("http", event.provenance().channel());
        assertEquals("Example Wire", event.source());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), event.publishedAt());
        assertNull(event.provenance().fileName());
    }

    @Test
    void arraysTextAndHtmlBodiesAreReadAsTheInboxReadsThem() {
        given().contentType(ContentType.JSON).body("[{\"body\":\"First.\"},{\"body\":\"Second.\"}]")
                .post("/api/v1/articles").then().statusCode(202).body("articles", equalTo(2));
        given().contentType("text/plain; charset=utf-8").body("Source: Wire\nAuthor: Ann\n\nPlain text body.")
                .post("/api/v1/articles").then().statusCode(202);
        given().contentType(ContentType.HTML).body("<html><head><title>Page</title></head><body><article><p>Html body.</p></article></body></html>")
                .post("/api/v1/articles").then().statusCode(202);
        List<ArticleRawV1> events = topic.awaitEvents(4);
        ArticleRawV1 text = events.stream().filter(e -> "Plain text body.".equals(e.body())).findFirst().orElseThrow();
        assertEquals("Ann", text.author());
        ArticleRawV1 html = events.stream().filter(e -> "Html body.".equals(e.body())).findFirst().orElseThrow();
        assertEquals("Page", html.title());
    }

    @Test
    void uploadedFilesKeepOnlyTheLastSegmentOfTheirName() {
        given().multiPart("file", "../../etc/evil name.txt", "Source: Upload\n\nUploaded text.".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "feed.json", "{\"body\":\"Second file.\"}".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/api/v1/articles").then().statusCode(202).body("articles", equalTo(2));
        List<ArticleRawV1> events = topic.awaitEvents(2);
        ArticleRawV1 uploaded = events.stream().filter(e -> "Uploaded text.".equals(e.body())).findFirst().orElseThrow();
        assertEquals("evil name.txt", uploaded.provenance().fileName());
        assertEquals("Upload", uploaded.source());
    }

    @Test
    void badRequestsAreProblemsWithAReasonAndNothingIsPublished() {
        problem(given().contentType(ContentType.JSON).body("{\"title\": ").post("/api/v1/articles"), 400, "invalid-json");
        problem(given().contentType(ContentType.JSON).body("{\"title\":\"no body\"}").post("/api/v1/articles"), 400, "invalid-article");
        problem(given().contentType(ContentType.TEXT).body("").post("/api/v1/articles"), 400, "empty");
        problem(given().multiPart("file", "a.exe", new byte[] {'M', 'Z'}, "application/octet-stream").post("/api/v1/articles"), 415, "unsupported-type");
        given().contentType(ContentType.XML).body("<a/>").post("/api/v1/articles")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE).body("detail", containsString("application/xml"));
        byte[] huge = new byte[21 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        problem(given().contentType(ContentType.TEXT).body(huge).post("/api/v1/articles"), 413, "oversize");
        assertEquals(List.of(), topic.drain(java.time.Duration.ofSeconds(1)));
    }

    private static void problem(io.restassured.response.Response response, int status, String reason) {
        ValidatableResponse then = response.then().statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(status)).body("reason", equalTo(reason))
                .body(not(containsString("Exception"))).body(not(containsString("at io.")));
        then.body("instance", equalTo("/api/v1/articles"));
    }
}
