package io.newsflow.enrich.rollup;

import io.newsflow.enrich.RawTopicProducer;
import io.newsflow.enrich.Samples;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Articles, a re-dropped duplicate and a near-duplicate go through the real broker into the real
 * database; the rollups kept by each transaction must then equal a recount of the base tables.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class RollupMaintenanceTest {

    @Test
    void rollupsEqualARecountAfterStoresDuplicatesAndNearDuplicates() throws Exception {
        long before = TestDatabase.watermark();
        String tag = UUID.randomUUID().toString();
        String putinBody = Samples.body("000_c57e4281e488cd20.txt");
        String putin = send("Putin in Pyongyang " + tag, putinBody, "Ming Pao " + tag, Instant.parse("2023-09-14T08:07:00Z"));
        String other = send("Kirby on talks " + tag, "John Kirby said in Washington that the United States watches the talks between "
                + "Russia and North Korea closely, and that sanctions stay in place. " + tag, "Wire " + tag, Instant.parse("2023-09-14T23:59:59Z"));
        // The same Putin article again, with a shorter tail: a near-duplicate, counted in /stats.
        send("Putin in Pyongyang " + tag, putinBody.substring(0, putinBody.length() - 40), "Other Paper " + tag, null);
        // The Kirby article dropped a second time: an exact duplicate, counted once more as dropped.
        sendAgain("Kirby on talks " + tag, "John Kirby said in Washington that the United States watches the talks between "
                + "Russia and North Korea closely, and that sanctions stay in place. " + tag, "Wire " + tag);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestDatabase.count("SELECT count(*) FROM article_receipt WHERE article_id = ?", other) == 2);

        assertEquals(List.of(), TestDatabase.rollupDifferences());
        assertEquals(1, TestDatabase.count("SELECT articles FROM rollup_total WHERE dim = 'source' AND key = ?", "Ming Pao " + tag));
        assertEquals(1, TestDatabase.count("SELECT articles FROM rollup_bucket WHERE dim = 'source' AND grain = 900"
                + " AND bucket = '2023-09-14T08:00:00Z' AND key = ?", "Ming Pao " + tag));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM rollup_bucket WHERE dim = 'person' AND grain = 86400"
                + " AND bucket = '2023-09-14T00:00:00Z' AND key = ? AND articles >= 1", "person/vladimir-putin"));
        assertTrue(TestDatabase.count("SELECT count(*) FROM article_entity WHERE article_id = ?", putin) > 0);
        // Each storing transaction, and the duplicate's, moved the watermark on.
        assertTrue(TestDatabase.watermark() >= before + 4, "watermark " + before + " -> " + TestDatabase.watermark());
    }

    private static String send(String title, String body, String source, Instant published) throws Exception {
        String id = ContentId.of(title, body);
        produce(title, body, source, published);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestDatabase.count("SELECT count(*) FROM article_enrichment WHERE article_id = ?", id) == 1);
        return id;
    }

    private static void sendAgain(String title, String body, String source) throws Exception {
        produce(title, body, source, null);
    }

    private static void produce(String title, String body, String source, Instant published) throws Exception {
        String id = ContentId.of(title, body);
        try (RawTopicProducer producer = new RawTopicProducer()) {
            producer.send(new ArticleRawV1(1, UUID.randomUUID().toString(), id, Instant.now(), title, body, source, null, published, null,
                    null, new ArticleRawV1.Provenance("file", id + ".txt", "00", body.length(), Instant.now(), 0)));
        }
    }
}
