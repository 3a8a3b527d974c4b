package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Enrich throughput on 5 KB English articles, the pipeline called as the consumer calls it (one
 * thread, each article its own transaction on the real database), with the time per stage from
 * the stage timers and the heap. Run by {@code -Pbench} only, under {@code -Xmx768m}; results go
 * to target/quality/enrich-benchmark.md and by hand to docs/benchmarks.md.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class EnrichBenchmark {

    private static final int WARMUP = 300;
    private static final int MEASURED = Integer.getInteger("bench.articles", 3000);
    private static final int ARTICLE_CHARS = 5000;

    @Inject
    EnrichmentPipeline pipeline;

    @Inject
    MeterRegistry metrics;

    @Test
    void enrichThroughputPerStageAndHeap() {
        SyntheticArticles gen = new SyntheticArticles(7L);
        List<ArticleRawV1> events = new ArrayList<>();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            events.add(event(gen.article(i % SyntheticArticles.topics(), ARTICLE_CHARS)));
        }
        events.subList(0, WARMUP).forEach(pipeline::process);
        Map<String, double[]> before = stageTotals();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long start = System.nanoTime();
        long stored = events.subList(WARMUP, events.size()).stream().map(pipeline::process).filter(o -> o == StoreOutcome.STORED).count();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(MEASURED, stored, "every generated article is distinct");

        Map<String, double[]> after = stageTotals();
        List<List<String>> rows = new ArrayList<>();
        after.forEach((stage, total) -> {
            double[] was = before.getOrDefault(stage, new double[2]);
            double count = total[1] - was[1];
            rows.add(List.of(stage, String.format(Locale.ROOT, "%.3f", (total[0] - was[0]) / count)));
        });
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long maxHeap = Runtime.getRuntime().maxMemory();

        new QualityReport("enrich-benchmark", "Enrich throughput", "./mvnw -B verify -pl enrich-service -am -Pbench")
                .paragraph(String.format(Locale.ROOT, "%d articles of ~%d characters (English, generated; %d warm-up articles before), "
                                + "one thread, each in its own transaction on the embedded PostgreSQL; the corpus grows from %d to %d "
                                + "articles during the run. Machine: %d cores.", MEASURED, ARTICLE_CHARS, WARMUP, WARMUP, WARMUP + MEASURED,
                        Runtime.getRuntime().availableProcessors()))
                .paragraph(String.format(Locale.ROOT, "**%.1f articles/s** (%.1f s). Heap: max %d MB (-Xmx), peak used %d MB (sum of pool peaks), "
                        + "live after GC %d MB.", MEASURED / seconds, seconds, maxHeap >> 20, peakHeap >> 20, liveHeap >> 20))
                .table(List.of("stage", "mean ms per article"), rows)
                .write();
    }

    /** Per stage: total milliseconds and count so far. */
    private Map<String, double[]> stageTotals() {
        Map<String, double[]> totals = new TreeMap<>();
        for (Timer timer : metrics.find(EnrichmentPipeline.STAGE_TIMER).timers()) {
            totals.put(timer.getId().getTag("stage"), new double[] {timer.totalTime(TimeUnit.MILLISECONDS), timer.count()});
        }
        return totals;
    }

    private static ArticleRawV1 event(String body) {
        String title = "Benchmark " + UUID.randomUUID();
        return new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(title, body), Instant.now(), title, body, "Bench Wire",
                null, Instant.now(), null, null, new ArticleRawV1.Provenance("file", "bench.txt", "00", body.length(), Instant.now(), 0));
    }
}
