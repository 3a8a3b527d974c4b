package io.newsflow.enrich.entity;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese names with HanLP portable's segmenter and its person, place, organization and
 * transliterated-name recognizers. Traditional characters are mapped to simplified ones first (the
 * models are trained on simplified text); the mapping is character for character, so offsets hold.
 */
final class ChineseRecognizer {

    static final String VERSION = "hanlp-portable-1.8.6";

    private final Segment segment = HanLP.newSegment()
            .enableNameRecognize(true)
            .enableTranslatedNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true)
            .enableOffset(true);

    List<Mention> recognize(String text) {
        String simplified = HanLP.convertToSimplifiedChinese(text);
        String input = simplified.length() == text.length() ? simplified : text;
        List<Mention> mentions = new ArrayList<>();
        List<Term> terms;
        synchronized (segment) {
            terms = segment.seg(input);
        }
        for (Term term : terms) {
            EntityType type = typeOf(term.nature.toString());
            if (type != null && term.word.length() > 1) {
                mentions.add(new Mention(term.offset, term.offset + term.word.length(), text.substring(term.offset, term.offset + term.word.length()), type));
            }
        }
        return mentions;
    }

    /** HanLP's part-of-speech natures: nr* people (nrf transliterated), ns* places, nt* organizations. */
    private static EntityType typeOf(String nature) {
        if (nature.startsWith("nr")) {
            return EntityType.PERSON;
        }
        if (nature.startsWith("ns")) {
            return EntityType.LOCATION;
        }
        if (nature.startsWith("nt")) {
            return EntityType.ORGANIZATION;
        }
        return null;
    }
}
