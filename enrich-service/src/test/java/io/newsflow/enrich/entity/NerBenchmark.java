package io.newsflow.enrich.entity;

import io.newsflow.corpus.CorpusArticle;
import io.newsflow.corpus.NewsCorpus;
import io.newsflow.enrich.Samples;
import io.newsflow.enrich.theme.ThemeScorer;
import io.newsflow.enrich.theme.ThemeTaxonomy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throughput of the entity and theme stage on 5 KB English texts cut from the shared samples, next
 * to the CRF model's own throughput on the same texts, and the heap it all needs; the same on real
 * news (news-corpus), whose articles name many more people, places and organizations. Run with
 * {@code ./mvnw -B verify -pl enrich-service -am -Pbench} (a JVM with -Xmx768m, as the service
 * runs); results go to the "Named entities and themes" section of docs/benchmarks.md.
 */
class NerBenchmark {

    private static final int TEXT_CHARS = 5 * 1024;
    private static final int ROUNDS = 40;
    private static final int WARM_UP_ROUNDS = 10;
    private static final int REAL_NEWS_ARTICLES = 60;
    private static final int REAL_NEWS_ROUNDS = 4;

    @Test
    void enrichmentKeepsUpWithTheModelWithinTheHeapLimit() throws IOException {
        List<String> texts = texts();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        EntityExtractor extractor = new EntityExtractor();
        ThemeScorer themes = new ThemeScorer(ThemeTaxonomy.loadDefault());
        EnglishRecognizer model = new EnglishRecognizer();
        System.gc();
        long loaded = memory.getHeapMemoryUsage().getUsed();

        Consumer<String> modelStage = model::recognize;
        Consumer<String> entityStage = text -> extractor.extract(text, "en");
        Consumer<String> enrichStage = text -> {
            extractor.extract(text, "en");
            themes.score(text, "en");
        };
        // Every stage warmed before any is timed, so that the first one timed is not the least compiled.
        for (Consumer<String> stage : List.of(modelStage, entityStage, enrichStage)) {
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                texts.forEach(stage);
            }
        }
        double modelRate = rate(texts, modelStage, ROUNDS);
        double entityRate = rate(texts, entityStage, ROUNDS);
        double enrichRate = rate(texts, enrichStage, ROUNDS);
        String realNews = realNews(extractor, themes, model);
        extractor.extract("外交部发言人毛宁表示，朝鲜领导人金正恩访问俄罗斯，与普京会谈。", "zh");
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        long max = Runtime.getRuntime().maxMemory();
        double ratio = enrichRate / modelRate;

        String report = String.format(Locale.ROOT, """
                Measured %s by `./mvnw -B verify -pl enrich-service -am -Pbench` (`NerBenchmark`,
                one thread, JVM `-Xmx768m` as the service runs, 2 cores / 24 GiB shared with other builds,
                %s). %d texts of 5 KB cut from the five samples, %d timed rounds per stage after %d warm-up rounds of every stage.

                | stage | articles/s |
                | --- | --- |
                | CoreNLP CRF alone (`english.all.3class.distsim`, tokenize + tag) | %.1f |
                | entities: CRF + alias gazetteer + linking | %.1f |
                | entities + themes (the enrich stage) | %.1f |
                | ratio enrich stage / CRF alone (target ≥ 0.75) | %.2f |
                %s

                | heap | MB |
                | --- | --- |
                | before loading | %d |
                | after loading the extractor (alias table, CRF; HanLP's dictionaries load on the first Chinese text), the theme scorer, and a second CRF for the comparison | %d |
                | after the runs and one Chinese text (HanLP loaded), after GC | %d |
                | JVM maximum | %d |
                """, LocalDate.now(), Runtime.version(), texts.size(), ROUNDS, WARM_UP_ROUNDS, modelRate, entityRate, enrichRate, ratio, realNews,
                before >> 20, loaded >> 20, after >> 20, max >> 20);
        System.out.println(report);
        DocsSection.replace("benchmarks.md", "Named entities and themes (enrich-service)", report);
        assertTrue(ratio >= 0.75, "enrich stage at " + ratio + " of the model's own throughput");
        assertTrue(after < 768L << 20, "heap after the runs: " + (after >> 20) + " MB");
    }

    private static double rate(List<String> texts, Consumer<String> stage, int rounds) {
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            texts.forEach(stage);
        }
        return texts.size() * (double) rounds / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * The same stages on real news (news-corpus: Reuters and langid sentences, ~4.5 KB, 10–40 names an
     * article): the English articles through every stage, then the whole 80 %-English mix through the
     * enrich stage, each article in its own language. Table rows; none without ../shared/eval-data.
     */
    private static String realNews(EntityExtractor extractor, ThemeScorer themes, EnglishRecognizer model) {
        Optional<NewsCorpus> corpus = NewsCorpus.fromSharedEvalData();
        if (corpus.isEmpty()) {
            return "| real news: not measured (../shared/eval-data absent) | — |";
        }
        List<CorpusArticle> articles = corpus.get().generate(REAL_NEWS_ARTICLES, 3);
        List<String> english = articles.stream().filter(a -> a.language().equals("en")).map(CorpusArticle::body).toList();
        Consumer<CorpusArticle> mixed = a -> {
            extractor.extract(a.body(), a.language());
            themes.score(a.body(), a.language());
        };
        List<Consumer<String>> stages = List.of(model::recognize, text -> extractor.extract(text, "en"), text -> {
            extractor.extract(text, "en");
            themes.score(text, "en");
        });
        stages.forEach(stage -> english.forEach(stage));
        articles.forEach(mixed);
        double[] rates = stages.stream().mapToDouble(stage -> rate(english, stage, REAL_NEWS_ROUNDS)).toArray();
        long start = System.nanoTime();
        for (int round = 0; round < REAL_NEWS_ROUNDS; round++) {
            articles.forEach(mixed);
        }
        double mixedRate = articles.size() * (double) REAL_NEWS_ROUNDS / ((System.nanoTime() - start) / 1e9);
        return String.format(Locale.ROOT, """
                | real news, %d English articles (~4.5 KB): CRF alone | %.1f |
                | real news, English: entities | %.1f |
                | real news, English: entities + themes | %.1f |
                | real news, English: ratio enrich stage / CRF alone | %.2f |
                | real news, %d articles, 80 %% English (de, fr, es, ru, zh, ja, ar, …): entities + themes | %.1f |""",
                english.size(), rates[0], rates[1], rates[2], rates[2] / rates[0], articles.size(), mixedRate);
    }

    /** 5 KB windows of the sample bodies, cut at a sentence end. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (String sample : List.of("000", "001", "002", "003", "004")) {
            String body = Samples.bodyOf(sample);
            for (int from = 0; from + TEXT_CHARS / 2 < body.length(); from += TEXT_CHARS) {
                int to = Math.min(body.length(), from + TEXT_CHARS);
                int cut = body.lastIndexOf('.', to);
                texts.add(body.substring(from, cut > from + TEXT_CHARS / 2 ? cut + 1 : to));
            }
        }
        return texts;
    }
}
