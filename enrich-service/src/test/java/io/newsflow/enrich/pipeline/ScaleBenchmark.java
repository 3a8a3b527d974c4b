package io.newsflow.enrich.pipeline;

import io.newsflow.corpus.CorpusArticle;
import io.newsflow.corpus.NewsCorpus;
import io.newsflow.enrich.entity.CrfAlone;
import io.newsflow.enrich.quality.QualityReport;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Enrichment alone (analysis and the store transaction on the real database, Kafka left out) with 1
 * and 2 threads, stored article by article (runs of 1, as before runs existed) and in runs of
 * {@value #RUN} (the consumer's default), against the English CRF alone on the same texts with the
 * same threads. Real news (news-corpus); skipped without ../shared/eval-data. Each enrich
 * measurement gets articles of its own (another seed), so none is a duplicate of an earlier one.
 * Run by {@code -Pbench} only, under {@code -Xmx768m}; results go to target/quality/scale-benchmark.md.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ScaleBenchmark {

    private static final int RUN = 32;
    private static final int ARTICLES = Integer.getInteger("bench.scale-articles", 480);
    private static final int WARMUP = 160;

    @Inject
    EnrichmentPipeline pipeline;

    private record Measured(String what, int threads, double rate) {
    }

    @Test
    void enrichAgainstTheCrfWithOneAndTwoThreads() throws Exception {
        NewsCorpus corpus = NewsCorpus.fromSharedEvalData().orElse(null);
        Assumptions.assumeTrue(corpus != null, "../shared/eval-data is absent: no real news to measure on");
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        process(events(corpus.generate(WARMUP, 100)), 2, RUN);
        List<Measured> enrich = new ArrayList<>();
        long seed = 101;
        for (int threads : new int[] {1, 2}) {
            for (int run : new int[] {1, RUN}) {
                List<ArticleRawV1> events = events(corpus.generate(ARTICLES, seed++));
                enrich.add(new Measured("enrich, runs of " + run, threads, process(events, threads, run)));
            }
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        List<String> texts = corpus.generate(ARTICLES, 101).stream().map(a -> a.title() + "\n" + a.body()).toList();
        Consumer<String> crf = CrfAlone.load();
        rate(texts.subList(0, WARMUP), 2, crf);
        List<Measured> model = List.of(new Measured("CRF alone", 1, rate(texts, 1, crf)), new Measured("CRF alone", 2, rate(texts, 2, crf)));

        List<List<String>> rows = new ArrayList<>();
        for (Measured m : model) {
            rows.add(List.of(m.what(), Integer.toString(m.threads()), String.format(Locale.ROOT, "%.1f", m.rate()), "1.00"));
        }
        for (Measured m : enrich) {
            double crfRate = model.get(m.threads() - 1).rate();
            rows.add(List.of(m.what(), Integer.toString(m.threads()), String.format(Locale.ROOT, "%.1f", m.rate()),
                    String.format(Locale.ROOT, "%.2f", m.rate() / crfRate)));
        }
        new QualityReport("scale-benchmark", "Enrich alone against the CRF alone, 1 and 2 threads",
                "./mvnw -B verify -pl enrich-service -am -Pbench -Dtest=ScaleBenchmark")
                .paragraph(String.format(Locale.ROOT, "%d real-news articles per measurement (news-corpus, a seed each), after %d warm-up "
                                + "articles; the CRF reads the same texts (title + body, every language, as a CRF-only tagger would). "
                                + "Machine: %d cores. Heap during the enrich runs: max %d MB, peak used %d MB (sum of pool peaks).",
                        ARTICLES, WARMUP, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20))
                .table(List.of("what", "threads", "articles/s", "ratio to the CRF alone, same threads"), rows)
                .write();
    }

    /** Articles per second, the events split into {@code threads} consecutive shares, each stored in runs of {@code run}. */
    private double process(List<ArticleRawV1> events, int threads, int run) throws Exception {
        return timed(threads, events.size(), part -> {
            List<ArticleRawV1> share = share(events, threads, part);
            for (int from = 0; from < share.size(); from += run) {
                List<EnrichmentPipeline.Processed> results = pipeline.processAll(share.subList(from, Math.min(share.size(), from + run)));
                results.forEach(r -> assertEquals(StoreOutcome.STORED, r.outcome(), "every article is new"));
            }
        });
    }

    private static double rate(List<String> texts, int threads, Consumer<String> crf) throws Exception {
        return timed(threads, texts.size(), part -> share(texts, threads, part).forEach(crf));
    }

    private static double timed(int threads, int items, Consumer<Integer> part) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                running.add(pool.submit(() -> part.accept(index)));
            }
            for (Future<?> one : running) {
                one.get();
            }
            return items / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static <T> List<T> share(List<T> all, int parts, int part) {
        return all.subList(all.size() * part / parts, all.size() * (part + 1) / parts);
    }

    private static List<ArticleRawV1> events(List<CorpusArticle> articles) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return articles.stream().map(a -> {
            String title = a.title() + " " + run;
            return new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(title, a.body()), Instant.now(), title, a.body(),
                    a.source(), a.author(), Instant.now(), null, null,
                    new ArticleRawV1.Provenance("file", a.fileName(), "00", a.body().length(), Instant.now(), 0));
        }).toList();
    }
}
