package io.newsflow.enrich.pipeline;

import io.newsflow.corpus.EvalData;
import io.newsflow.corpus.EvalText;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.store.StoreOutcome;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Any text can be stored: every CoNLL++ test document, every Universal NER sentence (en, ru, zh) and
 * every langid sentence of every language goes through {@link EnrichmentPipeline#process} as the
 * consumer calls it (extraction, then the store transaction on the real database), with no failure.
 * Sentences are grouped into article-size texts so that the test stays within minutes. Skipped when
 * ../shared/eval-data is absent.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class AnyTextStoreTest {

    private static final String SOURCE = "Any Text Wire";
    private static final int ARTICLE_CHARS = 3000;

    @Inject
    EnrichmentPipeline pipeline;

    /** A text to store and where it came from, for the failure message. */
    record Text(String origin, String title, String body) {
    }

    @Test
    void everyEvaluationSentenceIsExtractedAndStoredWithoutFailure() throws Exception {
        Path ner = EvalData.dir("ner").orElse(null);
        Path langid = EvalData.dir("langid").orElse(null);
        assumeTrue(ner != null && langid != null, "../shared/eval-data is absent: no texts to store");

        List<Text> texts = new ArrayList<>();
        List<List<String>> documents = EvalText.conllDocuments(ner.resolve("conllpp_test.txt"));
        for (int d = 0; d < documents.size(); d++) {
            List<String> document = documents.get(d);
            texts.add(new Text("conllpp_test document " + d, document.get(0), String.join("\n", document.subList(1, document.size()))));
        }
        for (String language : List.of("en", "ru", "zh")) {
            String file = "uner_" + language + "_pud-ud-test.iob2";
            texts.addAll(grouped(file, EvalText.unerSentences(ner.resolve(file))));
        }
        try (Stream<Path> files = Files.list(langid)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                texts.addAll(grouped("langid/" + file.getFileName(), EvalText.sentences(file)));
            }
        }

        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (Text text : texts) {
            try {
                StoreOutcome outcome = pipeline.process(event(text));
                if (outcome != StoreOutcome.STORED) {
                    failures.add(text.origin() + ": " + outcome);
                }
            } catch (RuntimeException e) {
                failures.add(text.origin() + ": " + e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "AnyTextStoreTest: %d texts (%d CoNLL++ documents, UNER and langid sentences grouped) in %.1f s%n",
                texts.size(), documents.size(), seconds);

        assertTrue(failures.isEmpty(), failures.size() + " of " + texts.size() + " texts not stored:\n" + String.join("\n", failures));
        assertEquals(texts.size(), TestDatabase.count("SELECT count(*) FROM article WHERE source = ?", SOURCE));
    }

    /** Consecutive sentences of one file, one a line, up to about an article's length each. */
    private static List<Text> grouped(String file, List<String> sentences) {
        assertTrue(!sentences.isEmpty(), file + " has no sentences");
        List<Text> texts = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int first = 0;
        for (int i = 0; i < sentences.size(); i++) {
            body.append(body.isEmpty() ? "" : "\n").append(sentences.get(i));
            if (body.length() >= ARTICLE_CHARS || i == sentences.size() - 1) {
                String origin = file + " sentences " + (first + 1) + "–" + (i + 1);
                texts.add(new Text(origin, origin, body.toString()));
                body.setLength(0);
                first = i + 1;
            }
        }
        return texts;
    }

    private static ArticleRawV1 event(Text text) {
        return new ArticleRawV1(1, UUID.randomUUID().toString(), ContentId.of(text.title(), text.body()), Instant.now(), text.title(),
                text.body(), SOURCE, null, Instant.now(), null, null,
                new ArticleRawV1.Provenance("file", "any-text.txt", "00", text.body().length(), Instant.now(), 0));
    }
}
