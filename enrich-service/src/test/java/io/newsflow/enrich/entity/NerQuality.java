package io.newsflow.enrich.entity;

import io.newsflow.corpus.EvalData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Named-entity precision, recall and F1 per type on the gold sets in {@code ../shared/eval-data/ner}
 * (CoNLL++ test, Universal NER PUD en/ru/zh), through the service's own extractor and linker (types
 * after alias correction). A span must name exactly the gold tokens; MISC/OTH left out on both sides.
 * The gold sets are read for measuring only. Run with {@code ./mvnw -B verify -pl enrich-service -am -Pquality};
 * results go to the "Named entities" section of docs/quality.md. Skipped when the data is absent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NerQuality {

    private static final Map<String, Result> RESULTS = new LinkedHashMap<>();

    record Span(int doc, int start, int end, EntityType type) {
    }

    /** A document: its text (raw, or the tokens joined), each token's char range, and the gold spans in tokens. */
    record Doc(String text, int[] tokenStart, int[] tokenEnd, List<Span> gold, boolean raw) {
    }

    static final class Counts {
        int truePositives;
        int predicted;
        int gold;

        double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    record Result(String set, Map<EntityType, Counts> byType, Counts all, int docs, long rawDocs, double seconds) {
    }

    @ParameterizedTest(name = "{0}")
    @Order(1)
    @CsvSource({
            "CoNLL++ test (en), conllpp_test.txt,          en, 0.90",
            "UNER en PUD,       uner_en_pud-ud-test.iob2,  en, 0.80",
            "UNER ru PUD,       uner_ru_pud-ud-test.iob2,  ru, 0.60",
            "UNER zh PUD,       uner_zh_pud-ud-test.iob2,  zh, 0.60"})
    void f1ReachesTheTarget(String name, String file, String language, double target) throws IOException {
        assertTarget(measure(name, file, language, file.startsWith("conll"), Extractors.shared()), target);
    }

    @Test
    @Order(2)
    void chineseWithCoreNlpsModelReachesTheTarget() throws IOException {
        assertTarget(measure("UNER zh PUD, NEWSFLOW_ENTITY_CHINESE_MODEL=corenlp", "uner_zh_pud-ud-test.iob2", "zh", false,
                Extractors.coreNlpChinese()), 0.60);
    }

    private static void assertTarget(Result result, double target) {
        assertTrue(result.all().f1() >= target, String.format(Locale.ROOT, "%s: F1 %.3f below the target %.2f", result.set(), result.all().f1(), target));
    }

    private static Result measure(String name, String file, String language, boolean conll, EntityExtractor extractor) throws IOException {
        Result result = score(name, goldSet(file, language, conll), language, extractor);
        RESULTS.put(name, result);
        return result;
    }

    /** The documents of a gold set in ../shared/eval-data/ner; the test is skipped when it is absent. */
    static List<Doc> goldSet(String file, String language, boolean conll) throws IOException {
        Path path = EvalData.dir("ner").map(dir -> dir.resolve(file)).orElse(Path.of("../shared/eval-data/ner", file));
        assumeTrue(Files.isRegularFile(path), path + " is absent: nothing to measure");
        return read(Files.readAllLines(path, StandardCharsets.UTF_8), conll, !"zh".equals(language));
    }

    /** Precision, recall and F1 of the extractor's linked entities against the gold spans, and the time it took. */
    static Result score(String name, List<Doc> docs, String language, EntityExtractor extractor) {
        Map<EntityType, Counts> byType = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            byType.put(type, new Counts());
        }
        long start = System.nanoTime();
        for (int d = 0; d < docs.size(); d++) {
            Doc doc = docs.get(d);
            Set<Span> predicted = new HashSet<>();
            for (LinkedEntity linked : extractor.extract(doc.text(), language)) {
                for (int[] offset : linked.offsets()) {
                    Span span = toTokens(d, doc, offset[0], offset[1], linked.entity().type());
                    if (span != null) {
                        predicted.add(span);
                    }
                }
            }
            Set<Span> gold = new HashSet<>(doc.gold());
            for (Span span : predicted) {
                byType.get(span.type()).predicted++;
                if (gold.contains(span)) {
                    byType.get(span.type()).truePositives++;
                }
            }
            gold.forEach(span -> byType.get(span.type()).gold++);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Counts all = new Counts();
        byType.values().forEach(c -> {
            all.truePositives += c.truePositives;
            all.predicted += c.predicted;
            all.gold += c.gold;
        });
        Result result = new Result(name, byType, all, docs.size(), docs.stream().filter(Doc::raw).count(), seconds);
        System.out.printf(Locale.ROOT, "%s: P %.3f R %.3f F1 %.3f (%d docs, %.1f s)%n", name, all.precision(), all.recall(), all.f1(), docs.size(), seconds);
        return result;
    }

    /**
     * The gold tokens a predicted character span falls on: from the token holding its first character
     * to the token holding its last. The service tokenizes raw text itself, so its token edges may
     * differ from the gold tokenization's ("U.S.-based"); the span must still name exactly the gold tokens.
     */
    private static Span toTokens(int d, Doc doc, int start, int end, EntityType type) {
        int first = -1;
        int last = -1;
        for (int t = 0; t < doc.tokenStart().length; t++) {
            if (doc.tokenStart()[t] <= start && start < doc.tokenEnd()[t]) {
                first = t;
            }
            if (doc.tokenStart()[t] < end && end <= doc.tokenEnd()[t]) {
                last = t;
            }
        }
        return first >= 0 && last >= first ? new Span(d, first, last + 1, type) : null;
    }

    /**
     * CoNLL (token … tag, -DOCSTART- between documents) or Universal NER (id, token, tag; one sentence
     * a document). A Universal NER sentence is the raw text of its {@code # text =} line, as the
     * service would receive it ("U.S.-based", "Путин,", Latin names spaced inside Chinese), each
     * token found in it in order; CoNLL, which has no raw text, and a sentence whose tokens cannot be
     * found in its text are the tokens joined with spaces, or without for Chinese; sentences with a newline.
     */
    static List<Doc> read(List<String> lines, boolean conll, boolean spaced) {
        List<Doc> docs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        RawText raw = new RawText();
        for (String line : lines) {
            boolean boundary = conll ? line.startsWith("-DOCSTART-") : line.isBlank();
            if (boundary) {
                flush(docs, text, starts, ends, tags, raw.useIfAligned(text, starts, ends));
                raw.reset(null);
                continue;
            }
            if (line.isBlank()) {
                if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
                tags.add("O-SENTENCE-END");
                continue;
            }
            if (line.startsWith("#")) {
                if (!conll && line.startsWith("# text = ")) {
                    raw.reset(line.substring("# text = ".length()));
                }
                continue;
            }
            String[] cols = line.split(conll ? " " : "\t");
            String token = conll ? cols[0] : cols[1];
            String tag = conll ? cols[cols.length - 1] : cols[2];
            if (spaced && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                text.append(' ');
            }
            starts.add(text.length());
            text.append(token);
            ends.add(text.length());
            tags.add(tag);
            raw.find(token);
        }
        flush(docs, text, starts, ends, tags, raw.useIfAligned(text, starts, ends));
        return docs;
    }

    /** A sentence's raw text and where each of its tokens was found in it, while they are read. */
    private static final class RawText {
        private String text;
        private int cursor;
        private final List<Integer> starts = new ArrayList<>();
        private boolean aligned;

        void reset(String raw) {
            text = raw;
            cursor = 0;
            starts.clear();
            aligned = raw != null;
        }

        /** The token must come next, after whitespace at most. */
        void find(String token) {
            if (!aligned) {
                return;
            }
            int at = text.indexOf(token, cursor);
            if (at < 0 || !text.substring(cursor, at).isBlank()) {
                aligned = false;
                return;
            }
            starts.add(at);
            cursor = at + token.length();
        }

        /** Replaces the joined tokens with the raw text when every token was found in it; whether it did. */
        boolean useIfAligned(StringBuilder joined, List<Integer> tokenStarts, List<Integer> tokenEnds) {
            if (!aligned || starts.size() != tokenStarts.size() || starts.isEmpty()) {
                return false;
            }
            for (int t = 0; t < starts.size(); t++) {
                int length = tokenEnds.get(t) - tokenStarts.get(t);
                tokenStarts.set(t, starts.get(t));
                tokenEnds.set(t, starts.get(t) + length);
            }
            joined.setLength(0);
            joined.append(text);
            return true;
        }
    }

    private static void flush(List<Doc> docs, StringBuilder text, List<Integer> starts, List<Integer> ends, List<String> tags, boolean raw) {
        List<String> tokenTags = tags.stream().filter(t -> !t.equals("O-SENTENCE-END")).toList();
        if (!tokenTags.isEmpty()) {
            List<Span> gold = new ArrayList<>();
            int open = -1;
            EntityType openType = null;
            for (int t = 0; t <= tokenTags.size(); t++) {
                String tag = t < tokenTags.size() ? tokenTags.get(t) : "O";
                boolean continues = tag.startsWith("I-") && openType != null && openType == EntityType.fromTag(tag.substring(2));
                if (!continues && open >= 0) {
                    gold.add(new Span(docs.size(), open, t, openType));
                    open = -1;
                    openType = null;
                }
                if (!continues && (tag.startsWith("B-") || tag.startsWith("I-")) && EntityType.fromTag(tag.substring(2)) != null) {
                    open = t;
                    openType = EntityType.fromTag(tag.substring(2));
                }
            }
            docs.add(new Doc(text.toString(), starts.stream().mapToInt(Integer::intValue).toArray(),
                    ends.stream().mapToInt(Integer::intValue).toArray(), gold, raw));
        }
        text.setLength(0);
        starts.clear();
        ends.clear();
        tags.clear();
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (RESULTS.isEmpty()) {
            return;
        }
        StringBuilder section = new StringBuilder();
        section.append("Measured by `./mvnw -B verify -pl enrich-service -am -Pquality` (`NerQuality`) on ")
                .append(java.time.LocalDate.now()).append(", 2 cores. A predicted span counts when it names exactly the gold tokens (the service tokenizes raw text itself, so its first and last characters need only fall in the first and last gold token) with the gold type, types taken after alias linking, MISC left out. ")
                .append("Universal NER sentences are given as their raw `# text =` line; CoNLL++, which has none, as its tokens joined with spaces.\n")
                .append("English: CoreNLP CRF `english.all.3class.distsim` (PTB tokens, hyphenated words whole) + alias table; ")
                .append("Chinese: HanLP portable 1.8.6, the CRF for Latin-script names, organization and place words + alias table ")
                .append("(the default), or with NEWSFLOW_ENTITY_CHINESE_MODEL=corenlp CoreNLP's Chinese CRF `chinese.misc.distsim` on its CTB segmenter's words (`ctb.small`), the English CRF for Latin-script names + alias table; ")
                .append("Russian: capitalization and morphology rules + alias table (no statistical model). Targets: F1 ≥ 0.90 CoNLL++, ")
                .append("≥ 0.80 UNER en, ≥ 0.60 UNER ru and zh.\n\n")
                .append("| set | type | precision | recall | F1 | gold | predicted |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result result : RESULTS.values()) {
            for (Map.Entry<EntityType, Counts> e : result.byType().entrySet()) {
                row(section, result.set(), e.getKey().name(), e.getValue());
            }
            row(section, result.set(), String.format(Locale.ROOT, "**all** (%d docs, %d as raw text, %.0f s)", result.docs(), result.rawDocs(), result.seconds()), result.all());
        }
        DocsSection.replace("quality.md", "Named entities", section.toString());
    }

    static void row(StringBuilder out, String set, String type, Counts c) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.3f | %d | %d |%n", set, type, c.precision(), c.recall(), c.f1(), c.gold, c.predicted));
    }
}
