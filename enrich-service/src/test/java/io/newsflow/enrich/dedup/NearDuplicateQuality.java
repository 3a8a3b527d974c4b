package io.newsflow.enrich.dedup;

import io.newsflow.enrich.Samples;
import io.newsflow.enrich.normalize.TextNormalizer;
import io.newsflow.enrich.quality.QualityReport;
import io.newsflow.enrich.quality.SyntheticArticles;
import io.newsflow.events.ContentId;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Near-duplicate precision and recall of the shipped rule (same decision as the detector, without
 * the database) on a set this class generates: edited copies as positives, different articles on
 * the same topic (and the real samples against each other) as negatives. Exact duplicates: copies
 * differing only in what {@link ContentId} normalizes must get the same id.
 */
class NearDuplicateQuality {

    private static final long SEED = 20240913L;
    private static final int ARTICLES_PER_TOPIC = 25;
    private static final int ARTICLE_CHARS = 5000;
    private static final double[] THRESHOLDS = {0.7, 0.8, 0.9};

    private final Fingerprinter fingerprinter = new Fingerprinter(3, 4, 12);

    @Test
    void scoresNearAndExactDuplicatesOnAGeneratedSet() {
        SyntheticArticles gen = new SyntheticArticles(SEED);
        List<List<String>> byTopic = new ArrayList<>();
        for (int t = 0; t < SyntheticArticles.topics(); t++) {
            List<String> articles = new ArrayList<>();
            for (int i = 0; i < ARTICLES_PER_TOPIC; i++) {
                articles.add(gen.article(t, ARTICLE_CHARS));
            }
            byTopic.add(articles);
        }

        Map<String, UnaryOperator<String>> edits = new LinkedHashMap<>();
        edits.put("3% words edited", a -> gen.editWords(a, 0.03));
        edits.put("8% words edited", a -> gen.editWords(a, 0.08));
        edits.put("truncated to 70%", a -> gen.truncate(a, 0.7));
        edits.put("truncated to 40%", a -> gen.truncate(a, 0.4));
        edits.put("boilerplate added", gen::addBoilerplate);
        edits.put("paragraphs reordered", gen::reorderParagraphs);
        edits.put("headers changed", gen::changeHeaders);
        edits.put("all of the above, 3% words", a -> gen.changeHeaders(gen.addBoilerplate(gen.reorderParagraphs(gen.truncate(gen.editWords(a, 0.03), 0.7)))));

        List<Pair> positives = new ArrayList<>();
        for (List<String> articles : byTopic) {
            for (String article : articles) {
                edits.forEach((name, edit) -> positives.add(new Pair(name, article, edit.apply(article))));
            }
        }
        List<Pair> negatives = new ArrayList<>();
        for (List<String> articles : byTopic) {
            for (int i = 0; i < articles.size(); i++) {
                for (int j = i + 1; j < articles.size(); j++) {
                    negatives.add(new Pair("same topic, generated", articles.get(i), articles.get(j)));
                }
            }
        }
        for (int i = 0; i < Samples.NAMES.size(); i++) {
            for (int j = i + 1; j < Samples.NAMES.size(); j++) {
                negatives.add(new Pair("samples " + i + "/" + j, Samples.body(Samples.NAMES.get(i)), Samples.body(Samples.NAMES.get(j))));
            }
        }

        List<List<String>> thresholdRows = new ArrayList<>();
        double recallAtDefault = 0;
        double precisionAtDefault = 0;
        Map<String, long[]> recallByEdit = new LinkedHashMap<>();
        for (double threshold : THRESHOLDS) {
            NearDuplicateRule rule = new NearDuplicateRule(fingerprinter, threshold);
            long truePositives = 0;
            for (Pair p : positives) {
                boolean hit = p.isNearDuplicate(rule, fingerprinter);
                truePositives += hit ? 1 : 0;
                if (threshold == 0.8) {
                    long[] r = recallByEdit.computeIfAbsent(p.kind(), k -> new long[2]);
                    r[0] += hit ? 1 : 0;
                    r[1]++;
                }
            }
            long falsePositives = negatives.stream().filter(p -> p.isNearDuplicate(rule, fingerprinter)).count();
            double recall = (double) truePositives / positives.size();
            double precision = truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
            thresholdRows.add(List.of(String.valueOf(threshold), QualityReport.decimal(precision), QualityReport.decimal(recall),
                    String.valueOf(falsePositives)));
            if (threshold == 0.8) {
                recallAtDefault = recall;
                precisionAtDefault = precision;
            }
        }
        List<List<String>> editRows = new ArrayList<>();
        recallByEdit.forEach((kind, r) -> editRows.add(List.of(kind, QualityReport.percent(r[0], r[1]))));

        long exactHits = 0;
        long exactTotal = 0;
        for (List<String> articles : byTopic) {
            for (String article : articles) {
                String id = ContentId.of("Title", article);
                for (String copy : exactCopies(article)) {
                    exactHits += ContentId.of("Title", copy).equals(id) ? 1 : 0;
                    exactTotal++;
                }
            }
        }
        long distinctIds = byTopic.stream().flatMap(List::stream).map(a -> ContentId.of("Title", a)).distinct().count();

        new QualityReport("near-duplicates", "Near and exact duplicates")
                .paragraph(String.format(Locale.ROOT, "Generated set (seed %d): %d articles of ~%d characters on %d topics; %d positive pairs "
                                + "(each article against an edited copy) and %d negative pairs (%d pairs of different articles on the "
                                + "same topic, plus the %d pairs of the five samples). Shingles: 3 words; MinHash 128 × 32 bit, "
                                + "32 bands × 4 rows; similarity = shared shingles / shingles of the shorter text. Target: recall ≥ 0.95 "
                                + "at precision ≥ 0.99 (default threshold 0.8).",
                        SEED, byTopic.size() * ARTICLES_PER_TOPIC, ARTICLE_CHARS, byTopic.size(), positives.size(), negatives.size(),
                        negatives.size() - 10, 10))
                .table(List.of("threshold", "precision", "recall", "false positives"), thresholdRows)
                .paragraph("Recall per edit at the default threshold 0.8:")
                .table(List.of("edit", "found"), editRows)
                .paragraph(String.format(Locale.ROOT, "Exact duplicates (copies differing in case, spacing, line breaks, full-width forms): "
                        + "%s found (%d copies); %d distinct ids for %d distinct articles.", QualityReport.percent(exactHits, exactTotal),
                        exactTotal, distinctIds, byTopic.size() * ARTICLES_PER_TOPIC))
                .write();

        assertTrue(recallAtDefault >= 0.95, "recall " + recallAtDefault);
        assertTrue(precisionAtDefault >= 0.99, "precision " + precisionAtDefault);
        assertEquals(exactTotal, exactHits);
        assertEquals(byTopic.size() * ARTICLES_PER_TOPIC, distinctIds);
    }

    private static List<String> exactCopies(String article) {
        String fullWidthDigits = Normalizer.normalize(article, Normalizer.Form.NFC).chars()
                .map(c -> c >= '0' && c <= '9' ? c - '0' + '０' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return List.of(article.toUpperCase(Locale.ROOT), article.replace("\n", "\r\n"), "  " + article.replace(" ", "  ") + "\n",
                fullWidthDigits);
    }

    private record Pair(String kind, String a, String b) {
        boolean isNearDuplicate(NearDuplicateRule rule, Fingerprinter fingerprinter) {
            return rule.isNearDuplicate(fingerprinter.of(TextNormalizer.clean(a)), fingerprinter.of(TextNormalizer.clean(b)));
        }
    }
}
