package io.newsflow.enrich.language;

import io.newsflow.corpus.EvalData;
import io.newsflow.enrich.quality.QualityReport;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Language accuracy of the shipped configuration on ../shared/eval-data/langid: per language, on
 * sentences, UD treebank sentences, word pairs, single words, and articles (ten consecutive
 * sentences of one language joined). Skipped when the data is absent.
 */
class LanguageQuality {

    private static final List<String> SETS = List.of("sentences", "ud", "word-pairs", "single-words", "articles");
    private static final int SENTENCES_PER_ARTICLE = 10;

    private final LanguageService service = new LanguageService(shippedConfig());

    @Test
    void scoresTheShippedDetectorOnTheLangidGoldSets() throws IOException {
        Path langid = EvalData.dir("langid").orElse(null);
        assumeTrue(langid != null, "../shared/eval-data/langid is absent: language quality not measured");

        Map<String, Map<String, long[]>> scores = new LinkedHashMap<>();
        List<String> languages;
        try (Stream<Path> files = Files.list(langid)) {
            languages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        for (String language : languages) {
            Map<String, long[]> perSet = scores.computeIfAbsent(language, l -> new LinkedHashMap<>());
            List<String> sentences = lines(langid.resolve(language + ".txt"));
            perSet.put("sentences", score(language, sentences));
            perSet.put("ud", score(language, lines(langid.resolve("ud").resolve(language + ".txt"))));
            perSet.put("word-pairs", score(language, lines(langid.resolve("word-pairs").resolve(language + ".txt"))));
            perSet.put("single-words", score(language, lines(langid.resolve("single-words").resolve(language + ".txt"))));
            perSet.put("articles", score(language, articles(sentences)));
        }

        List<List<String>> rows = new ArrayList<>();
        long[][] totals = new long[SETS.size()][2];
        scores.forEach((language, perSet) -> {
            List<String> row = new ArrayList<>(List.of(language));
            for (int s = 0; s < SETS.size(); s++) {
                long[] hitsAndTotal = perSet.get(SETS.get(s));
                totals[s][0] += hitsAndTotal[0];
                totals[s][1] += hitsAndTotal[1];
                row.add(QualityReport.percent(hitsAndTotal[0], hitsAndTotal[1]));
            }
            rows.add(row);
        });
        List<String> all = new ArrayList<>(List.of("**all**"));
        for (long[] total : totals) {
            all.add("**" + QualityReport.percent(total[0], total[1]) + "** (n=" + total[1] + ")");
        }
        rows.add(all);
        List<String> header = new ArrayList<>(List.of("language"));
        header.addAll(SETS);
        new QualityReport("language", "Language detection")
                .paragraph("lingua " + "1.2.2, low-accuracy mode, the " + shippedConfig().languages().size()
                        + " default languages (`NEWSFLOW_LANGUAGE_LANGUAGES`). Articles: " + SENTENCES_PER_ARTICLE
                        + " consecutive lines of `<iso>.txt` joined. Targets: articles ≥ 99.5%, sentences ≥ 98%.")
                .table(header, rows)
                .write();

        assertTrue(totals[SETS.indexOf("articles")][0] >= 0.995 * totals[SETS.indexOf("articles")][1], "article accuracy below 99.5%");
        assertTrue(totals[SETS.indexOf("sentences")][0] >= 0.98 * totals[SETS.indexOf("sentences")][1], "sentence accuracy below 98%");
    }

    private long[] score(String language, List<String> samples) {
        long hits = samples.stream().filter(s -> service.detect(s).code().equals(language)).count();
        return new long[] {hits, samples.size()};
    }

    private static List<String> articles(List<String> sentences) {
        List<String> articles = new ArrayList<>();
        for (int i = 0; i + SENTENCES_PER_ARTICLE <= sentences.size(); i += SENTENCES_PER_ARTICLE) {
            articles.add(String.join(" ", sentences.subList(i, i + SENTENCES_PER_ARTICLE)));
        }
        return articles;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The configuration as shipped: the {@code @WithDefault} values, so the harness scores what runs. */
    static LanguageConfig shippedConfig() {
        return new LanguageConfig() {
            @Override
            public List<String> languages() {
                return Arrays.asList(defaultOf("languages").split(","));
            }

            @Override
            public int minLetters() {
                return Integer.parseInt(defaultOf("minLetters"));
            }

            @Override
            public int maxChars() {
                return Integer.parseInt(defaultOf("maxChars"));
            }
        };
    }

    private static String defaultOf(String method) {
        try {
            return LanguageConfig.class.getMethod(method).getAnnotation(WithDefault.class).value();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
