package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.RawTopicProducer;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** What the re-enrichment tests share: the admin API with its key, articles stored through Kafka, SQL as the owner. */
final class ReenrichApi {

    /** As application.properties sets it for %test. */
    static final String KEY = "test-admin-key";

    private ReenrichApi() {
    }

    static RequestSpecification authorized() {
        return given().header("X-API-Key", KEY);
    }

    /** Starts a job once no other runs, and waits for its end. */
    static Map<String, Object> runToTheEnd(String scope) {
        String id = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ValidatableResponse started = authorized().post("/admin/reenrich?scope=" + scope).then();
            return started.extract().statusCode() == 202 ? started.extract().<String>path("id") : null;
        }, started -> started != null);
        return endOf(id);
    }

    /** Waits until job {@code id} is no longer RUNNING. */
    static Map<String, Object> endOf(String id) {
        return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> authorized().get("/admin/reenrich/" + id).then().statusCode(200).extract().jsonPath().<String, Object>getMap("$"),
                        status -> !"RUNNING".equals(status.get("state")));
    }

    /** Waits until no job runs on any replica (another test's may be finishing). */
    static void noJobRunning() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestDatabase.count("SELECT count(*) FROM reenrich_job WHERE state = 'RUNNING'") == 0);
    }

    /** Sends an article through Kafka and waits until the consumer stored and enriched it. */
    static String store(String title, String body, Instant published) throws Exception {
        return storeAll(Map.of(title, body), published).get(0);
    }

    /** Sends articles (title → body) through Kafka at once, and waits until the consumer stored and enriched every one. */
    static List<String> storeAll(Map<String, String> articles, Instant published) throws Exception {
        List<String> ids = send(articles, published);
        String list = "'" + String.join("','", ids) + "'";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestDatabase.count("SELECT count(*) FROM article_enrichment WHERE article_id IN (" + list + ")") == ids.size());
        return ids;
    }

    /** Sends articles (title → body) through Kafka without waiting for the consumer; returns their ids. */
    static List<String> send(Map<String, String> articles, Instant published) throws Exception {
        List<String> ids = new ArrayList<>();
        try (RawTopicProducer producer = new RawTopicProducer()) {
            for (Map.Entry<String, String> article : articles.entrySet()) {
                String id = ContentId.of(article.getKey(), article.getValue());
                producer.send(new ArticleRawV1(1, UUID.randomUUID().toString(), id, Instant.now(), article.getKey(), article.getValue(),
                        "Test Wire", null, published, null, null,
                        new ArticleRawV1.Provenance("file", id + ".txt", "00", article.getValue().length(), Instant.now(), 0)));
                ids.add(id);
            }
        }
        return ids;
    }
}
