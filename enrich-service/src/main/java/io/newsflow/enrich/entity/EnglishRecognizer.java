package io.newsflow.enrich.entity;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
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
    static final String VERSION = "corenlp-4.5.10/english.all.3class.distsim";

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
                for (Triple<String, Integer, Integer> span : classifier.classifyToCharacterOffsets(text.substring(lineStart, lineEnd))) {
                    EntityType type = EntityType.fromTag(span.first());
                    if (type != null) {
                        int start = lineStart + span.second();
                        int end = lineStart + span.third();
                        mentions.add(new Mention(start, end, text.substring(start, end), type));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return mentions;
    }
}
