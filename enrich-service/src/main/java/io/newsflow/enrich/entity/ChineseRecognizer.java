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
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            EntityType type = typeOf(term.nature.toString());
            if (type == null || term.word.length() < 2) {
                continue;
            }
            int first = i;
            int last = i;
            if (type == EntityType.PERSON) {
                // A transliterated name is written in parts joined by a middle dot (科瑞·舒尔曼); HanLP tags one part.
                while (first >= 2 && isNameDot(terms.get(first - 1)) && isHan(terms.get(first - 2))) {
                    first -= 2;
                }
                while (last + 2 < terms.size() && isNameDot(terms.get(last + 1)) && isHan(terms.get(last + 2))) {
                    last += 2;
                }
            }
            int start = terms.get(first).offset;
            int end = terms.get(last).offset + terms.get(last).word.length();
            if (!mentions.isEmpty() && mentions.get(mentions.size() - 1).end() > start) {
                continue;
            }
            mentions.add(new Mention(start, end, text.substring(start, end), type));
            i = last;
        }
        return mentions;
    }

    private static boolean isNameDot(Term term) {
        return term.word.length() == 1 && "·•・‧".indexOf(term.word.charAt(0)) >= 0;
    }

    private static boolean isHan(Term term) {
        return term.word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
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
