package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.Samples;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.quality.SyntheticArticles;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsflow.enrich.reenrich.ReenrichApi.authorized;
import static io.newsflow.enrich.reenrich.ReenrichApi.endOf;
import static io.newsflow.enrich.reenrich.ReenrichApi.noJobRunning;
import static io.newsflow.enrich.reenrich.ReenrichApi.runToTheEnd;
import static io.newsflow.enrich.reenrich.ReenrichApi.send;
import static io.newsflow.enrich.reenrich.ReenrichApi.storeAll;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A re-enrichment job runs the same models (the CoreNLP CRF, HanLP, the alias matcher, the theme
 * scorer) on its thread while the consumer runs them on its own. If they shared state that
 * concurrent calls corrupt, some article would be stored with other entities or themes than a
 * sequential run gives it: the job after the concurrent phase, running alone, would then change it.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ReenrichWhileConsumingTest {

    @Test
    void articlesConsumedDuringAJobEndAsASequentialRunStoresThem() throws Exception {
        noJobRunning();
        SyntheticArticles generator = new SyntheticArticles(System.nanoTime());
        // Enough stored articles that the job is still running while the new ones are consumed.
        Map<String, String> before = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            before.put("Stored before " + i, generator.article(i % SyntheticArticles.topics(), 3000));
        }
        storeAll(before, null);
        Map<String, String> during = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            during.put("Consumed during the job " + i, i < Samples.NAMES.size() ? Samples.body(Samples.NAMES.get(i)) + " " + UUID.randomUUID()
                    : generator.article(i % SyntheticArticles.topics(), 3000));
        }
        String job = authorized().post("/admin/reenrich?scope=all").then().statusCode(202).extract().path("id");
        List<String> consumed = send(during, null);
        String ids = "'" + String.join("','", consumed) + "'";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestDatabase.count("SELECT count(*) FROM article_enrichment WHERE article_id IN (" + ids + ")") == consumed.size());
        Map<String, Object> concurrent = endOf(job);
        assertEquals("SUCCEEDED", concurrent.get("state"), concurrent.toString());
        assertEquals(0, ((Number) concurrent.get("failed")).intValue(), concurrent.toString());
        assertTrue(TestDatabase.count("SELECT count(*) FROM article a JOIN reenrich_job j ON j.id = ? WHERE a.id IN (" + ids + ")"
                + " AND a.stored_at BETWEEN j.started_at AND j.finished_at", job) > 0, "the consumer stored articles while the job ran");

        Map<String, Object> alone = runToTheEnd("all");
        assertEquals("SUCCEEDED", alone.get("state"), alone.toString());
        assertEquals(0, ((Number) alone.get("changed")).intValue(), "every article is already what a sequential run gives: " + alone);
        assertEquals(0, ((Number) alone.get("failed")).intValue(), alone.toString());
    }
}
