package io.newsflow.enrich.entity;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import io.newsflow.enrich.entity.NerQuality.Doc;
import io.newsflow.enrich.entity.NerQuality.Result;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue #13: CoreNLP's Chinese CRF against the HanLP path on UNER zh PUD, each through the same
 * alias reconciliation and linking (EntityExtractor), the English CRF taking the Latin-script names in
 * both: F1 per type, sentences per second (a sentence is a document here) and the heap each model
 * adds, used after GC. Runs under -Pquality, which unpacks the full CTB segmenter into the test classes
 * (the service ships the small one) and gives the JVM the 3 GB it needs; the results go to
 * docs/quality.md and docs/benchmarks.md.
 */
class ChineseNerQuality {

    private static final String FILE = "uner_zh_pud-ud-test.iob2";

    record Row(String path, Result result, long heapMb) {
    }

    @Test
    void coreNlpsChineseCrfAgainstTheHanLpPath() throws IOException {
        List<Doc> docs = NerQuality.goldSet(FILE, "zh", false);
        assumeTrue(getClass().getClassLoader().getResource(CoreNlpChineseNames.SEGMENTER + "/" + FULL_SEGMENTER) != null,
                "the full CTB segmenter is unpacked by -Pquality only");
        List<Row> rows = new ArrayList<>();

        long empty = usedMb();
        AliasTable aliases = AliasTable.loadDefault();
        EnglishRecognizer english = new EnglishRecognizer();
        rows.add(measure("HanLP portable 1.8.6 + rules (hanlp, the default)", docs, new EntityExtractor(aliases, english, new ChineseRecognizer(english))));

        long start = System.nanoTime();
        CRFClassifier<CoreLabel> ner = CoreNlpChineseNames.loadNer();
        Map<String, Double> loadSeconds = new LinkedHashMap<>();
        loadSeconds.put("the Chinese CRF (`" + CoreNlpChineseNames.NER_MODEL + "`)", (System.nanoTime() - start) / 1e9);
        rows.add(measure("CoreNLP CRF on HanLP's words", docs, extractor(aliases, english, ner, hanlpWords())));

        // Each segmenter is referenced by its extractor alone, so that the small one is collected before the full one loads.
        rows.add(measure("CoreNLP CRF on CoreNLP's words, ctb.small (corenlp)", docs, extractor(aliases, english, ner,
                CoreNlpChineseNames.words(timed(CoreNlpChineseNames.SEGMENTER_MODEL, loadSeconds)))));
        rows.add(measure("CoreNLP CRF on CoreNLP's words, ctb", docs, extractor(aliases, english, ner,
                CoreNlpChineseNames.words(timed(FULL_SEGMENTER, loadSeconds)))));

        write(rows, empty, loadSeconds);
        Result today = rows.get(0).result();
        assertTrue(rows.stream().allMatch(row -> row.result().all().gold == today.all().gold), "every path scored on the same gold spans");
    }

    private static final String FULL_SEGMENTER = "ctb.gz";

    private static CRFClassifier<CoreLabel> timed(String segmenter, Map<String, Double> loadSeconds) {
        long start = System.nanoTime();
        CRFClassifier<CoreLabel> loaded = CoreNlpChineseNames.loadSegmenter(segmenter);
        loadSeconds.put("the CTB segmenter `" + segmenter + "`", (System.nanoTime() - start) / 1e9);
        return loaded;
    }

    private static EntityExtractor extractor(AliasTable aliases, EnglishRecognizer english, CRFClassifier<CoreLabel> ner,
                                             Function<String, List<CoreLabel>> words) {
        return new EntityExtractor(aliases, english, new ChineseRecognizer(english, new CoreNlpChineseNames(ner, words), "measured"));
    }

    /** HanLP's words, with its name recognizers on as in the HanLP path (they join a name's characters into one word). */
    private static Function<String, List<CoreLabel>> hanlpWords() {
        Segment segment = HanLP.newSegment()
                .enableNameRecognize(true)
                .enableTranslatedNameRecognize(true)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableOffset(true);
        return sentence -> segment.seg(sentence).stream()
                .filter(term -> !term.word.isBlank())
                .map(term -> CoreNlpChineseNames.token(term.word, term.offset, term.offset + term.word.length()))
                .toList();
    }

    /** A first pass to load lazily-read dictionaries and compile the code, then the pass that is timed. */
    private static Row measure(String path, List<Doc> docs, EntityExtractor extractor) {
        NerQuality.score(path, docs, "zh", extractor);
        Result result = NerQuality.score(path, docs, "zh", extractor);
        long heap = usedMb();
        Reference.reachabilityFence(extractor);
        return new Row(path, result, heap);
    }

    private static long usedMb() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void write(List<Row> rows, long empty, Map<String, Double> loadSeconds) throws IOException {
        StringBuilder quality = new StringBuilder();
        quality.append(String.format(Locale.ROOT, """
                Measured by `./mvnw -B verify -pl enrich-service -am -Pquality -Dtest=ChineseNerQuality` on %s,
                2 cores shared with other work, under `nice -n 19`. UNER zh PUD (1,000 sentences, traditional
                characters, raw `# text =` lines), scored as in the "Named entities" section. Every path maps the text
                to simplified characters first, sends Latin-script names to the English CRF and goes through the same
                alias reconciliation and linking (EntityExtractor); the CRF's GPE and LOC count as LOCATION, its MISC
                is left out, its names in Latin letters give way to the English CRF's. The CRF is CoreNLP 4.5.10's
                `chinese.misc.distsim`, fed one sentence at a time.

                | path | type | precision | recall | F1 | gold | predicted |
                | --- | --- | --- | --- | --- | --- | --- |
                """, LocalDate.now()));
        for (Row row : rows) {
            for (Map.Entry<EntityType, NerQuality.Counts> e : row.result().byType().entrySet()) {
                NerQuality.row(quality, row.path(), e.getKey().name(), e.getValue());
            }
            NerQuality.row(quality, row.path(), "**all**", row.result().all());
        }
        DocsSection.replace("quality.md", "Named entities: Chinese, HanLP and CoreNLP compared (issue #13)", quality.toString());

        StringBuilder bench = new StringBuilder();
        bench.append(String.format(Locale.ROOT, """
                Measured by `./mvnw -B verify -pl enrich-service -am -Pquality -Dtest=ChineseNerQuality` on %s
                (one thread, 2 cores shared with other work, under `nice -n 19`, %s). Sentences per second over UNER zh
                PUD's 1,000 sentences (~40 characters each) through recognition, alias reconciliation and linking, the
                second of two passes. Heap used after GC in the test JVM once each path has run: the paths load in
                this order and keep what the one before loaded (alias table, English CRF, HanLP's dictionaries, then
                the Chinese CRF), except the ctb.small segmenter, let go before the full one loads. Empty JVM: %d MB.

                | path | sentences/s | heap used after GC, MB |
                | --- | --- | --- |
                """, LocalDate.now(), Runtime.version(), empty));
        for (Row row : rows) {
            bench.append(String.format(Locale.ROOT, "| %s | %.0f | %d |%n", row.path(), row.result().docs() / row.result().seconds(), row.heapMb()));
        }
        bench.append("\n| loading (what corenlp adds to the start) | seconds |\n| --- | --- |\n");
        loadSeconds.forEach((model, seconds) -> bench.append(String.format(Locale.ROOT, "| %s | %.1f |%n", model, seconds)));
        DocsSection.replace("benchmarks.md", "Chinese named entities: HanLP and CoreNLP (enrich-service)", bench.toString());
    }
}
