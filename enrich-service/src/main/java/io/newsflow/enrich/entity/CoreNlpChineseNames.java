package io.newsflow.enrich.entity;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * Chinese names in Han script with CoreNLP's Chinese CRF ({@code chinese.misc.distsim}) on the words
 * of CoreNLP's CTB segmenter ({@code ctb.small}), as NEWSFLOW_ENTITY_CHINESE_MODEL=corenlp chooses.
 * The text is mapped to simplified characters first (CTB and the CRF's corpora are simplified) and
 * tagged a sentence at a time, as the CRF was trained. The model files are copied out of the
 * models-chinese jar at build time (see enrich-service/pom.xml); together they take ~800 MB of heap.
 */
final class CoreNlpChineseNames implements Function<String, List<Mention>> {

    static final String NER_MODEL = "edu/stanford/nlp/models/ner/chinese.misc.distsim.crf.ser.gz";
    static final String SEGMENTER = "edu/stanford/nlp/models/segmenter/chinese";
    /** The smaller of the two CTB segmenters: the same F1 on UNER zh as ctb.gz, at 500 MB of heap rather than 1.3 GB. */
    static final String SEGMENTER_MODEL = "ctb.small.gz";
    static final String VERSION = "corenlp-4.5.10/chinese.misc.distsim+ctb.small/1";

    private static final String SENTENCE_ENDS = "。！？!?\n";

    private final CRFClassifier<CoreLabel> ner;
    private final Function<String, List<CoreLabel>> words;

    CoreNlpChineseNames() {
        this(loadNer(), words(loadSegmenter(SEGMENTER_MODEL)));
    }

    /** The CRF on other words (NerQuality compares segmenters): each word a CoreLabel with its offsets in the sentence. */
    CoreNlpChineseNames(CRFClassifier<CoreLabel> ner, Function<String, List<CoreLabel>> words) {
        this.ner = ner;
        this.words = words;
    }

    static CRFClassifier<CoreLabel> loadNer() {
        try (InputStream in = resource(NER_MODEL);
             ObjectInputStream model = new ObjectInputStream(new GZIPInputStream(new BufferedInputStream(in, 1 << 16)))) {
            return CRFClassifier.getClassifier(model);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + NER_MODEL, e);
        }
    }

    /** A CTB segmenter as CoreNLP's StanfordCoreNLP-chinese.properties configures it (dictionary, SIGHAN post-processing). */
    static CRFClassifier<CoreLabel> loadSegmenter(String model) {
        Properties props = new Properties();
        props.setProperty("sighanCorporaDict", SEGMENTER);
        props.setProperty("serDictionary", SEGMENTER + "/dict-chris6.ser.gz");
        props.setProperty("inputEncoding", "UTF-8");
        props.setProperty("sighanPostProcessing", "true");
        required(SEGMENTER + "/" + model);
        CRFClassifier<CoreLabel> segmenter = new CRFClassifier<>(props);
        try {
            segmenter.loadClassifier(SEGMENTER + "/" + model, props);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the segmenter " + model, e);
        }
        return segmenter;
    }

    /**
     * The segmenter's words with their offsets. It returns strings: each is found in the sentence after
     * whitespace at most (its post-processing keeps the characters as they are).
     */
    static Function<String, List<CoreLabel>> words(CRFClassifier<CoreLabel> segmenter) {
        return sentence -> {
            List<CoreLabel> tokens = new ArrayList<>();
            int cursor = 0;
            for (String word : segmenter.segmentString(sentence)) {
                while (cursor < sentence.length() && Character.isWhitespace(sentence.charAt(cursor))) {
                    cursor++;
                }
                if (!sentence.startsWith(word, cursor)) {
                    throw new IllegalStateException("segmenter word '" + word + "' not at " + cursor + " in: " + sentence);
                }
                tokens.add(token(word, cursor, cursor + word.length()));
                cursor += word.length();
            }
            return tokens;
        };
    }

    static CoreLabel token(String word, int start, int end) {
        CoreLabel token = new CoreLabel();
        token.setWord(word);
        token.setValue(word);
        token.setBeginPosition(start);
        token.setEndPosition(end);
        return token;
    }

    private static InputStream resource(String name) throws IOException {
        return required(name).openStream();
    }

    private static URL required(String name) {
        URL url = CoreNlpChineseNames.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the classpath: build enrich-service with Maven, which unpacks it");
        }
        return url;
    }

    @Override
    public List<Mention> apply(String text) {
        String input = ChineseRecognizer.simplified(text);
        List<Mention> mentions = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= input.length(); i++) {
            if (i == input.length() || SENTENCE_ENDS.indexOf(input.charAt(i)) >= 0) {
                int to = Math.min(i + 1, input.length());
                if (!input.substring(from, to).isBlank()) {
                    tag(text, input.substring(from, to), from, mentions);
                }
                from = to;
            }
        }
        return mentions;
    }

    /** The names of one sentence, {@code sentence} starting at {@code offset} in {@code text}: runs of one tag (the CRF tags IO). */
    private void tag(String text, String sentence, int offset, List<Mention> mentions) {
        List<CoreLabel> tokens = words.apply(sentence);
        if (tokens.isEmpty()) {
            return;
        }
        // Latin-script names are the English model's: ChineseRecognizer sends them there.
        TaggedRuns.mentions(text, offset, tokens, ner.classifySentence(tokens)).stream()
                .filter(m -> m.surface().codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN))
                .forEach(mentions::add);
    }
}
