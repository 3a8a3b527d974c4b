package io.newsflow.enrich.entity;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * CoreNLP's Chinese CRF ({@code chinese.misc.distsim}) for the names in Han script, on words from
 * CoreNLP's CTB segmenter or from HanLP's; for NerQuality to compare with the HanLP path. The text is
 * mapped to simplified characters first (CTB and the CRF's corpora are simplified; UNER zh PUD is
 * traditional), sentence by sentence as the CRF was trained. The model files are unpacked into the test
 * classes by the quality profile only (see enrich-service/pom.xml): the service does not ship them.
 */
final class CoreNlpChineseNames implements Function<String, List<Mention>> {

    static final String NER_MODEL = "edu/stanford/nlp/models/ner/chinese.misc.distsim.crf.ser.gz";
    static final String SEGMENTER = "edu/stanford/nlp/models/segmenter/chinese";

    /** Where the words come from: CoreNLP's segmenter (one of its two CTB models) or HanLP's. */
    enum Words {
        CTB_SMALL("ctb.small.gz"), CTB("ctb.gz"), HANLP(null);

        final String segmenterModel;

        Words(String segmenterModel) {
            this.segmenterModel = segmenterModel;
        }
    }

    private final CRFClassifier<CoreLabel> ner;
    private final CRFClassifier<CoreLabel> segmenter;
    private final Segment hanlp = HanLP.newSegment()
            .enableNameRecognize(true)
            .enableTranslatedNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true)
            .enableOffset(true);

    /** The CRF alone, for words from HanLP. */
    static CRFClassifier<CoreLabel> loadNer() {
        try (InputStream in = resource(NER_MODEL);
             ObjectInputStream model = new ObjectInputStream(new GZIPInputStream(new BufferedInputStream(in, 1 << 16)))) {
            return CRFClassifier.getClassifier(model);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + NER_MODEL, e);
        }
    }

    /** The CTB segmenter as StanfordCoreNLP-chinese.properties configures it (dictionary, SIGHAN post-processing). */
    static CRFClassifier<CoreLabel> loadSegmenter(Words words) {
        Properties props = new Properties();
        props.setProperty("sighanCorporaDict", SEGMENTER);
        props.setProperty("serDictionary", SEGMENTER + "/dict-chris6.ser.gz");
        props.setProperty("inputEncoding", "UTF-8");
        props.setProperty("sighanPostProcessing", "true");
        CRFClassifier<CoreLabel> segmenter = new CRFClassifier<>(props);
        try {
            segmenter.loadClassifier(SEGMENTER + "/" + words.segmenterModel, props);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the segmenter " + words.segmenterModel, e);
        }
        return segmenter;
    }

    static boolean available(Words words) {
        ClassLoader loader = CoreNlpChineseNames.class.getClassLoader();
        return loader.getResource(NER_MODEL) != null
                && (words.segmenterModel == null || loader.getResource(SEGMENTER + "/" + words.segmenterModel) != null);
    }

    CoreNlpChineseNames(CRFClassifier<CoreLabel> ner, CRFClassifier<CoreLabel> segmenter) {
        this.ner = ner;
        this.segmenter = segmenter;
    }

    private static InputStream resource(String name) {
        InputStream in = CoreNlpChineseNames.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath: run with -Pquality, which unpacks it");
        }
        return in;
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
                    tag(text, input, from, to, mentions);
                }
                from = to;
            }
        }
        return mentions;
    }

    private static final String SENTENCE_ENDS = "。！？!?\n";

    private void tag(String original, String input, int from, int to, List<Mention> mentions) {
        List<CoreLabel> tokens = words(input, from, to);
        if (tokens.isEmpty()) {
            return;
        }
        List<CoreLabel> tagged;
        synchronized (ner) {
            tagged = ner.classifySentence(tokens);
        }
        int first = 0;
        for (int i = 1; i <= tokens.size(); i++) {
            String tag = tagged.get(first).get(CoreAnnotations.AnswerAnnotation.class);
            if (i < tokens.size() && tag.equals(tagged.get(i).get(CoreAnnotations.AnswerAnnotation.class))) {
                continue;
            }
            EntityType type = EntityType.fromTag(tag);
            int start = tokens.get(first).beginPosition();
            int end = tokens.get(i - 1).endPosition();
            // Latin-script names are the English model's (ChineseRecognizer sends them there).
            boolean latin = original.substring(start, end).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
            if (type != null && !latin) {
                mentions.add(new Mention(start, end, original.substring(start, end), type));
            }
            first = i;
        }
    }

    /** The words of {@code input[from, to)} with their offsets in it. */
    private List<CoreLabel> words(String input, int from, int to) {
        List<CoreLabel> tokens = new ArrayList<>();
        if (segmenter == null) {
            List<Term> terms;
            synchronized (hanlp) {
                terms = hanlp.seg(input.substring(from, to));
            }
            for (Term term : terms) {
                if (!term.word.isBlank()) {
                    tokens.add(token(term.word, from + term.offset, from + term.offset + term.word.length()));
                }
            }
            return tokens;
        }
        List<String> words;
        synchronized (segmenter) {
            words = segmenter.segmentString(input.substring(from, to));
        }
        // The segmenter returns strings: find each in the text, after whitespace at most; its post-processing
        // keeps characters as they are, so a word not found there means the offsets are lost for the rest.
        int cursor = from;
        for (String word : words) {
            while (cursor < to && Character.isWhitespace(input.charAt(cursor))) {
                cursor++;
            }
            if (!input.startsWith(word, cursor)) {
                throw new IllegalStateException("segmenter word '" + word + "' not at " + cursor + " in: " + input.substring(from, to));
            }
            tokens.add(token(word, cursor, cursor + word.length()));
            cursor += word.length();
        }
        return tokens;
    }

    private static CoreLabel token(String word, int start, int end) {
        CoreLabel token = new CoreLabel();
        token.setWord(word);
        token.setValue(word);
        token.setBeginPosition(start);
        token.setEndPosition(end);
        return token;
    }
}
