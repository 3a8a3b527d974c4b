package io.newsflow.enrich.entity;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese names with HanLP portable's segmenter and its person, place, organization and
 * transliterated-name recognizers, or with another model for the names in Han script
 * (NEWSFLOW_ENTITY_CHINESE_MODEL=corenlp: {@link CoreNlpChineseNames}). Traditional characters are
 * mapped to simplified ones first (the models are trained on simplified text); the mapping is
 * character for character, so offsets hold.
 * Foreign names left in Latin letters ("Donald Trump", "Google") are no Chinese words to HanLP: runs
 * of Latin-script words go to the English model instead, which types them from the words themselves.
 */
final class ChineseRecognizer {

    /** The HanLP path's version. Raise the suffix when the rules around HanLP change: articles enriched before are then stale. */
    static final String VERSION = "hanlp-portable-1.8.6/rules-2";

    /** Latin-script words, with the spaces, dots and hyphens between them: "Jean-Claude Juncker", "J.P. Morgan". */
    private static final Pattern LATIN_RUN = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}\\d.'’&-]*(?:[ \u00a0]+\\p{IsLatin}[\\p{IsLatin}\\d.'’&-]*)*");

    private final EnglishRecognizer english;
    private final Function<String, List<Mention>> hanNames;
    private final String version;

    private final Segment segment = HanLP.newSegment()
            .enableNameRecognize(true)
            .enableTranslatedNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true)
            .enableOffset(true);

    ChineseRecognizer(EnglishRecognizer english) {
        this.english = english;
        this.hanNames = this::hanlp;
        this.version = VERSION;
    }

    /** Another model for the names in Han script (CoreNLP's CRF), Latin-script names still to the English model. */
    ChineseRecognizer(EnglishRecognizer english, Function<String, List<Mention>> hanNames, String version) {
        this.english = english;
        this.hanNames = hanNames;
        this.version = version;
    }

    /** What produced the names, for the model version stored with each article. */
    String version() {
        return version;
    }

    List<Mention> recognize(String text) {
        List<Mention> mentions = new ArrayList<>(hanNames.apply(text));
        Matcher latin = LATIN_RUN.matcher(text);
        while (latin.find()) {
            if (latin.group().chars().anyMatch(Character::isUpperCase)) {
                english.recognize(text, latin.start(), latin.end(), mentions);
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    private List<Mention> hanlp(String text) {
        String input = simplified(text);
        List<Mention> mentions = new ArrayList<>();
        List<Term> terms;
        synchronized (segment) {
            terms = segment.seg(input);
        }
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            EntityType type = typeOf(term.nature.toString());
            int first = i;
            int last = i;
            if (isProper(term) && i + 1 < terms.size() && ORGANIZATION_SUFFIXES.contains(terms.get(i + 1).word)) {
                // A name and the organization words after it: 北京 + 大学, 华为 + 公司 + 总部.
                type = EntityType.ORGANIZATION;
                last = i + 1;
                while (last + 1 < terms.size() && ORGANIZATION_SUFFIXES.contains(terms.get(last + 1).word)) {
                    last++;
                }
            } else if ((type == EntityType.LOCATION || isProper(term)) && i + 1 < terms.size() && LOCATION_SUFFIXES.contains(terms.get(i + 1).word)) {
                // A place and the word for its kind after it: 加利福尼亚 + 州, 朝鲜 + 半岛.
                type = EntityType.LOCATION;
                last = i + 1;
            } else if (type == EntityType.ORGANIZATION && ORGANIZATION_SUFFIXES.stream().noneMatch(term.word::endsWith)) {
                // HanLP's organization tag without an organization word at the end is wrong more often than right.
                continue;
            }
            if (type == null || (term.word.length() < 2 && last == first)) {
                continue;
            }
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

    /** The text in simplified characters when the mapping keeps every offset, else as it is. */
    static String simplified(String text) {
        String simplified = HanLP.convertToSimplifiedChinese(text);
        return simplified.length() == text.length() ? simplified : text;
    }

    /** Words that end an organization's name, from general knowledge of Chinese: 大学, 公司, 银行, 委员会, 部 … */
    private static final Set<String> ORGANIZATION_SUFFIXES = Set.of("大学", "学院", "公司", "集团", "银行", "委员会",
            "政府", "部", "协会", "组织", "医院", "党", "军", "法院", "议会", "国会", "电视台", "日报", "通讯社", "基金会", "研究所",
            "研究院", "中心", "联盟", "俱乐部", "队", "局", "署", "厅", "委", "院", "会", "社", "报", "航空", "议院", "内阁", "警方", "部队",
            "学会", "工会", "商会", "交易所", "大会", "理事会", "法庭", "电台", "时报", "新闻社", "出版社", "基金", "联合会", "总部");

    private static final Set<String> LOCATION_SUFFIXES = Set.of("省", "市", "县", "州", "区", "镇", "乡", "村", "岛", "群岛", "山", "山脉",
            "河", "江", "湖", "海", "洋", "湾", "海峡", "半岛", "地区", "街", "路", "大道", "广场", "机场", "港", "盆地", "平原", "高原", "沙漠");

    /** HanLP's proper-noun natures: people, places, organizations, other names, Latin strings, abbreviations. */
    private static boolean isProper(Term term) {
        String n = term.nature.toString();
        return n.startsWith("ns") || n.startsWith("nt") || n.startsWith("nz") || n.startsWith("nr") || n.equals("nx") || n.equals("j");
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
