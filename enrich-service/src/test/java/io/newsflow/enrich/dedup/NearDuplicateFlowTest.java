package io.newsflow.enrich.dedup;

import io.newsflow.enrich.RawTopicProducer;
import io.newsflow.enrich.Samples;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Near-duplicates through the real broker into the real database: pairs, clusters, canonical, similarity. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class NearDuplicateFlowTest {

    private static RawTopicProducer topic;

    @BeforeAll
    static void open() {
        topic = new RawTopicProducer();
    }

    @AfterAll
    static void close() {
        topic.close();
    }

    @Test
    void anEditedCopyWithATeaserTailIsClusteredWithTheOriginalAndAnEarlierCopyBecomesCanonical() throws Exception {
        String original = Samples.body("000_c57e4281e488cd20.txt");
        String edited = original.replace("Wednesday", "Tuesday").replace("bilateral summit", "two-way summit")
                .replace("very symbolic", "highly symbolic").replace("closer", "much closer")
                + "\n\nKim's armoured train arrives in Vladivostok | Russia | North Korea\n"
                + "Kim's armoured train arrives in Vladivostok | Russia | North Korea\n\nThe train crossed the border at dawn.";
        String id = send("The Putin-Kim summit at Vostochny", original, Instant.parse("2023-09-14T08:00:00Z"));
        String copyId = send("Putin and Kim meet at the cosmodrome", edited, Instant.parse("2023-09-14T11:30:00Z"));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM near_duplicate WHERE article_id = ?", copyId) == 1);
        double similarity = number("SELECT similarity FROM near_duplicate WHERE article_id = ? AND other_id = ?", copyId, id);
        assertTrue(similarity >= 0.8 && similarity < 1.0, "similarity " + similarity);
        assertEquals(similarity, number("SELECT similarity FROM near_duplicate WHERE article_id = ? AND other_id = ?", id, copyId));

        long cluster = (long) number("SELECT cluster_id FROM duplicate_cluster_member WHERE article_id = ?", copyId);
        assertEquals(cluster, (long) number("SELECT cluster_id FROM duplicate_cluster_member WHERE article_id = ?", id));
        assertEquals(List.of(id, "2"), TestDatabase.row("SELECT canonical_id, size FROM duplicate_cluster WHERE id = ?", cluster));

        String clean = text("SELECT clean_body FROM article WHERE id = ?", copyId);
        assertFalse(clean.contains("armoured train"), "the teaser tail is not analysed");
        assertTrue(text("SELECT body FROM article WHERE id = ?", copyId).contains("armoured train"), "the stored body is the original");

        // A third copy, published before the others, joins the same cluster and becomes its canonical article.
        String earliestId = send("Summit in the Far East", original.replace("Putin", "Vladimir Putin"), Instant.parse("2023-09-13T20:00:00Z"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT count(*) FROM duplicate_cluster_member WHERE article_id = ?", earliestId) == 1);
        assertEquals(cluster, (long) number("SELECT cluster_id FROM duplicate_cluster_member WHERE article_id = ?", earliestId));
        assertEquals(List.of(earliestId, "3"), TestDatabase.row("SELECT canonical_id, size FROM duplicate_cluster WHERE id = ?", cluster));
        assertEquals(2, count("SELECT count(*) FROM near_duplicate WHERE article_id = ?", earliestId));
    }

    @Test
    void sameTopicArticlesAreNotNearDuplicates() throws Exception {
        String id003 = send("Kim visits the Eastern launch site", Samples.body("003_87827dec1b683a00.txt"), Instant.parse("2023-09-13T09:00:00Z"));
        String id004 = send("Kim Jong-un and Putin at the space base", Samples.body("004_2cb154c89b1adac4.txt"), Instant.parse("2023-09-13T10:00:00Z"));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM article_fingerprint WHERE article_id = ?", id004) == 1);
        assertEquals(1, count("SELECT count(*) FROM article_fingerprint WHERE article_id = ?", id003));
        assertEquals(0, count("SELECT count(*) FROM near_duplicate WHERE article_id = ?", id003));
        assertEquals(0, count("SELECT count(*) FROM near_duplicate WHERE article_id = ?", id004));
        assertEquals(0, count("SELECT count(*) FROM duplicate_cluster_member WHERE article_id = ?", id004));
    }

    private static String send(String title, String body, Instant publishedAt) throws Exception {
        ArticleRawV1 event = new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(title, body), Instant.now(), title, body,
                "Test Wire", null, publishedAt, null, null, new ArticleRawV1.Provenance("file", "t.txt", "00", body.length(), Instant.now(), 0));
        topic.send(event);
        return event.articleId();
    }

    private static int count(String sql, Object... args) throws SQLException {
        return (int) number(sql, args);
    }

    private static double number(String sql, Object... args) throws SQLException {
        return Double.parseDouble(TestDatabase.row(sql, args).get(0));
    }

    private static String text(String sql, Object... args) throws SQLException {
        return TestDatabase.row(sql, args).get(0);
    }
}
