package io.newsflow.e2e;

import io.newsflow.corpus.CorpusArticle;
import io.newsflow.corpus.NewsCorpus;
import io.newsflow.corpus.NewsCorpusCli;
import io.newsflow.stack.Pipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real news through the whole pipeline: 500 articles assembled from Reuters and langid sentences
 * (10–40 names each, 80 % English; the others with header lines in their own language), dropped into the
 * inbox at once. Every one must come out of the query API with its title, source, author and release
 * time as its header lines gave them, none dead-lettered, failed or retried. Skipped when ../shared/eval-data is absent.
 */
class RealNewsIT {

    private static final int ARTICLES = Integer.getInteger("realnews.articles", 500);
    private static final long SEED = 11;

    private static Pipeline pipeline;
    private static PipelineProbe probe;

    @BeforeAll
    static void start() throws IOException {
        Optional<NewsCorpus> corpus = NewsCorpus.fromSharedEvalData();
        assumeTrue(corpus.isPresent(), "../shared/eval-data is absent: no real-news corpus to send");
        pipeline = LocalPipeline.start("realnews");
        probe = new PipelineProbe(pipeline);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void everyRealNewsArticleIsStoredAndQueryableWithNothingDeadLetteredFailedOrRetried() throws IOException {
        List<CorpusArticle> articles = NewsCorpus.fromSharedEvalData().orElseThrow().generate(ARTICLES, SEED);
        NewsCorpusCli.write(articles, pipeline.inbox().resolve("realnews"));

        // Every file either stored or accounted for as a failure, so that a failure is reported as such, not as a timeout.
        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2))
                .until(() -> probe.processedFiles() + probe.failedFiles() == ARTICLES
                        && probe.storedArticles() + probe.deadLetters() >= ARTICLES);

        long deadLetters = probe.deadLetters();
        assertEquals(0, deadLetters, () -> "dead-lettered: " + String.join("\n", probe.describeDeadLetters()));
        assertEquals(0, probe.failedFiles(), "files in data/failed/");
        for (String counter : PipelineProbe.FAILURE_COUNTERS) {
            assertEquals(0.0, probe.enrichCounter(counter), counter);
        }
        assertEquals(ARTICLES, probe.storedArticles(), "articles in /api/v1/stats");

        // Each article's header lines, written in its language's own names and date form, read back as its source, author and time.
        Map<String, String> expected = new HashMap<>();
        articles.forEach(a -> expected.put(Normalizer.normalize(a.title(), Normalizer.Form.NFC),
                a.source() + " | " + a.author() + " | " + a.publishedAt()));
        assertEquals(ARTICLES, expected.size(), "the corpus's titles are distinct");
        Map<String, String> stored = new HashMap<>();
        probe.storedArticleSummaries().forEach(item -> stored.put(item.path("title").asText(),
                item.path("source").asText() + " | " + item.path("author").asText() + " | " + Instant.parse(item.path("publishedAt").asText())));
        assertEquals(ARTICLES, stored.size(), "articles listed by /api/v1/articles");
        List<String> missing = expected.entrySet().stream().filter(e -> !e.getValue().equals(stored.get(e.getKey())))
                .map(e -> e.getKey() + ": expected " + e.getValue() + ", stored " + stored.get(e.getKey())).toList();
        assertTrue(missing.isEmpty(), "articles not found through /api/v1/articles with their header lines: " + missing);
    }
}
