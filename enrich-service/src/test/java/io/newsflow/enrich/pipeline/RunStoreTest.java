package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.RawTopicProducer;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.newsflow.enrich.RawTopicProducer.event;
import static io.newsflow.enrich.TestDatabase.count;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run of consecutive events is stored in one transaction with the outcome storing them one by one
 * would give, and an article that fails inside a run fails alone.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class RunStoreTest {

    @Inject
    EnrichmentPipeline pipeline;

    @Inject
    MeterRegistry metrics;

    @AfterEach
    void fixTheBug() throws Exception {
        TestDatabase.fixBug("test_run_bug");
    }

    @Test
    void aRunSeesItsOwnEarlierArticlesAsDuplicatesAndNearDuplicates() throws Exception {
        String tag = tag();
        String storyBody = body(tag, "story", 160);
        ArticleRawV1 story = event("Talks in Pyongyang " + tag, storyBody);
        // The same story with its last sentence cut: a near-duplicate of the one just before it in the run.
        ArticleRawV1 shorter = event("Talks in Pyongyang " + tag, storyBody.substring(0, storyBody.lastIndexOf(". ") + 1));
        ArticleRawV1 sameAgain = event(story.title(), story.body());
        ArticleRawV1 other = event("Kirby on sanctions " + tag, body(tag, "other", 120));
        long watermark = TestDatabase.watermark();

        List<EnrichmentPipeline.Processed> results = pipeline.processAll(List.of(story, shorter, sameAgain, other, shorter));

        assertEquals(List.of(StoreOutcome.STORED, StoreOutcome.STORED, StoreOutcome.DUPLICATE, StoreOutcome.STORED, StoreOutcome.REDELIVERED),
                results.stream().map(EnrichmentPipeline.Processed::outcome).toList());
        assertEquals(1, count("SELECT count(DISTINCT cluster_id) FROM duplicate_cluster_member WHERE article_id IN (?, ?)",
                story.articleId(), shorter.articleId()));
        assertEquals(2, count("SELECT size FROM duplicate_cluster c JOIN duplicate_cluster_member m ON m.cluster_id = c.id"
                + " WHERE m.article_id = ?", story.articleId()));
        assertEquals(0, count("SELECT count(*) FROM duplicate_cluster_member WHERE article_id = ?", other.articleId()));
        assertEquals(2, count("SELECT count(*) FROM article_receipt WHERE article_id = ?", story.articleId()));
        for (ArticleRawV1 stored : List.of(story, shorter, other)) {
            assertTrue(count("SELECT count(*) FROM article_entity WHERE article_id = ? AND entity_id = 'person/vladimir-putin'",
                    stored.articleId()) == 1, "entities of " + stored.title());
            assertEquals(1, count("SELECT count(*) FROM article_enrichment WHERE article_id = ?", stored.articleId()));
        }
        assertEquals(List.of(), TestDatabase.rollupDifferences());
        // One transaction: the watermark moved once for the whole run.
        assertEquals(watermark + 1, TestDatabase.watermark());
    }

    @Test
    void anArticleThatFailsInARunFailsAloneAndTheOthersAreStored() throws Exception {
        TestDatabase.refuseTitles("test_run_bug", "Refused in a run", "22023");
        String tag = tag();
        ArticleRawV1 first = event("First of the run " + tag, body(tag, "first", 60));
        ArticleRawV1 refused = event("Refused in a run " + tag, body(tag, "refused", 60));
        ArticleRawV1 last = event("Last of the run " + tag, body(tag, "last", 60));

        List<EnrichmentPipeline.Processed> results = pipeline.processAll(List.of(first, refused, last));

        assertEquals(StoreOutcome.STORED, results.get(0).outcome());
        assertNull(results.get(1).outcome());
        assertNotNull(results.get(1).deadLetter());
        assertTrue(results.get(1).deadLetter().failure().message().contains("test bug refuses"), results.get(1).deadLetter().getMessage());
        assertEquals(StoreOutcome.STORED, results.get(2).outcome());
        assertEquals(0, count("SELECT count(*) FROM article_receipt WHERE article_id = ?", refused.articleId()));
        assertEquals(2, count("SELECT count(*) FROM article_receipt WHERE article_id IN (?, ?) AND outcome = 'STORED'",
                first.articleId(), last.articleId()));
        assertEquals(List.of(), TestDatabase.rollupDifferences());
    }

    @Test
    void aBurstOnTheTopicIsStoredInRuns() throws Exception {
        String tag = tag();
        DistributionSummary runs = metrics.summary("newsflow.enrich.run.articles");
        long runsBefore = runs.count();
        double articlesBefore = runs.totalAmount();
        List<ArticleRawV1> burst = IntStream.range(0, 30).mapToObj(i -> event("Burst " + i + " " + tag, body(tag, "burst" + i, 40))).toList();
        try (RawTopicProducer producer = new RawTopicProducer()) {
            producer.sendAll(burst);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT count(*) FROM article_receipt WHERE article_id = ANY (string_to_array(?, ','))",
                        burst.stream().map(ArticleRawV1::articleId).collect(Collectors.joining(","))) == burst.size());
        long runsTaken = runs.count() - runsBefore;
        assertEquals(burst.size(), (int) (runs.totalAmount() - articlesBefore), "every article of the burst went through one run");
        assertTrue(runsTaken < burst.size(), "30 articles waiting at once took " + runsTaken + " runs");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A body no other test's article resembles (every shingle holds a word made of the tag), naming a
     * person so that entities are written.
     */
    private static String body(String tag, String seed, int words) {
        List<String> sentences = new ArrayList<>();
        sentences.add("Vladimir Putin spoke about the talks.");
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sentence.append(i % 8 == 0 ? "" : " ").append(seed).append(tag).append(Integer.toString(i * 7919 % 1000, 36));
            if (i % 8 == 7) {
                sentences.add(sentence.append('.').toString());
                sentence.setLength(0);
            }
        }
        return String.join(" ", sentences);
    }
}
