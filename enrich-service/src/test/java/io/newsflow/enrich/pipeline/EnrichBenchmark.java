package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.corpus.NewsCorpus;
import io.newsflow.enrich.quality.QualityReport;
import io.newsflow.enrich.quality.SyntheticArticles;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Enrich throughput, the pipeline called as the consumer calls it (one thread, each article its own
 * transaction on the real database), with the time per stage from the stage timers and the heap, on
 * two corpora one after the other: 5 KB English articles generated from sentence frames (two names
 * each), then real news (the news-corpus module: Reuters and langid sentences, ~4.5 KB, 80 % English,
 * 10–40 names each; skipped without ../shared/eval-data). Run by {@code -Pbench} only, under
 * {@code -Xmx768m}; results go to target/quality/enrich-benchmark.md and by hand to docs/benchmarks.md.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class EnrichBenchmark {

    private static final int WARMUP = 300;
    private static final int MEASURED = Integer.getInteger("bench.articles", 3000);
    private static final int REAL_NEWS_WARMUP = 200;
    private static final int REAL_NEWS_MEASURED = Integer.getInteger("bench.real-news-articles", 1000);
    private static final int ARTICLE_CHARS = 5000;

    @Inject
    EnrichmentPipeline pipeline;

    @Inject
    MeterRegistry metrics;

    /** One corpus's run: rate, and mean milliseconds per article by stage. */
    record Run(String corpus, int articles, double seconds, Map<String, Double> stageMillis) {
    }

    @Test
    void enrichThroughputPerStageAndHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        SyntheticArticles gen = new SyntheticArticles(7L);
        List<ArticleRawV1> synthetic = new ArrayList<>();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            String body = gen.article(i % SyntheticArticles.topics(), ARTICLE_CHARS);
            String title = "Benchmark " + UUID.randomUUID();
            synthetic.add(event(title, body, "Bench Wire", null));
        }
        List<Run> runs = new ArrayList<>();
        runs.add(run("synthetic (generated English, 5,000 chars)", synthetic, WARMUP));
        NewsCorpus.fromSharedEvalData().ifPresent(corpus -> runs.add(run("real news (~4.5 KB, 80 % English)",
                corpus.generate(REAL_NEWS_WARMUP + REAL_NEWS_MEASURED, 2).stream()
                        .map(a -> event(a.title(), a.body(), a.source(), a.author())).toList(), REAL_NEWS_WARMUP)));

        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long maxHeap = Runtime.getRuntime().maxMemory();

        List<String> header = new ArrayList<>(List.of("stage (mean ms per article)"));
        runs.forEach(r -> header.add(r.corpus()));
        Set<String> stages = new TreeSet<>();
        runs.forEach(r -> stages.addAll(r.stageMillis().keySet()));
        List<List<String>> rows = new ArrayList<>();
        List<String> rates = new ArrayList<>(List.of("**articles/s**"));
        runs.forEach(r -> rates.add(String.format(Locale.ROOT, "**%.1f** (%d in %.1f s)", r.articles() / r.seconds(), r.articles(), r.seconds())));
        rows.add(rates);
        for (String stage : stages) {
            List<String> row = new ArrayList<>(List.of(stage));
            runs.forEach(r -> row.add(r.stageMillis().containsKey(stage) ? String.format(Locale.ROOT, "%.3f", r.stageMillis().get(stage)) : "—"));
            rows.add(row);
        }
        new QualityReport("enrich-benchmark", "Enrich throughput", "./mvnw -B verify -pl enrich-service -am -Pbench")
                .paragraph(String.format(Locale.ROOT, "One thread, each article in its own transaction on the embedded PostgreSQL, the "
                                + "corpora one after the other in one database (synthetic: %d measured after %d warm-up; real news: %d "
                                + "measured after %d warm-up). Machine: %d cores.", MEASURED, WARMUP, REAL_NEWS_MEASURED, REAL_NEWS_WARMUP,
                        Runtime.getRuntime().availableProcessors()))
                .table(header, rows)
                .paragraph(String.format(Locale.ROOT, "Heap: max %d MB (-Xmx), peak used %d MB (sum of pool peaks), live after GC %d MB.",
                        maxHeap >> 20, peakHeap >> 20, liveHeap >> 20))
                .write();
    }

    private Run run(String corpus, List<ArticleRawV1> events, int warmup) {
        events.subList(0, warmup).forEach(pipeline::process);
        Map<String, double[]> before = stageTotals();
        long start = System.nanoTime();
        long stored = events.subList(warmup, events.size()).stream().map(pipeline::process).filter(o -> o == StoreOutcome.STORED).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        int measured = events.size() - warmup;
        assertEquals(measured, stored, corpus + ": every article is distinct and stored");
        Map<String, Double> stageMillis = new TreeMap<>();
        stageTotals().forEach((stage, total) -> {
            double[] was = before.getOrDefault(stage, new double[2]);
            stageMillis.put(stage, (total[0] - was[0]) / (total[1] - was[1]));
        });
        return new Run(corpus, measured, seconds, stageMillis);
    }

    /** Per stage: total milliseconds and count so far. */
    private Map<String, double[]> stageTotals() {
        Map<String, double[]> totals = new TreeMap<>();
        for (Timer timer : metrics.find(EnrichmentPipeline.STAGE_TIMER).timers()) {
            totals.put(timer.getId().getTag("stage"), new double[] {timer.totalTime(TimeUnit.MILLISECONDS), timer.count()});
        }
        return totals;
    }

    private static ArticleRawV1 event(String title, String body, String source, String author) {
        return new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(title, body), Instant.now(), title, body, source,
                author, Instant.now(), null, null, new ArticleRawV1.Provenance("file", "bench.txt", "00", body.length(), Instant.now(), 0));
    }
}
