package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhraseMatcherTest {

    private static List<String> found(PhraseMatcher<String> matcher, String text) {
        return matcher.find(text).stream().map(m -> m.value() + "=" + text.substring(m.start(), m.end())).toList();
    }

    @Test
    void hyphenAndSpaceVariantsMatchOnePhraseAndOffsetsPointIntoTheOriginalText() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder().add("Kim Jong-un", "KJU").build();
        assertEquals(List.of("KJU=Kim Jong -un"), found(matcher, "Putin met Kim Jong -un's delegation"));
        assertEquals(List.of("KJU=KIM JONG UN"), found(matcher, "KIM JONG UN ARRIVES"));
        assertEquals(List.of("KJU=Kim  Jong\nun"), found(matcher, "Kim  Jong\nun"));
    }

    @Test
    void alphabeticScriptsNeedWordBoundariesButChineseAndKoreanDoNot() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
                .add("Putin", "P").add("北韩", "NK").add("북한", "NK").build();
        assertEquals(List.of(), found(matcher, "Putinism and Rasputin"));
        assertEquals(List.of("P=Putin"), found(matcher, "(Putin)"));
        assertEquals(List.of("NK=北韩"), found(matcher, "北韩领导人"));
        assertEquals(List.of("NK=북한"), found(matcher, "북한은 러시아와"));
    }

    @Test
    void openPhrasesAndBoundedSuffixesCoverInflection() {
        PhraseMatcher<String> matcher = PhraseMatcher.<String>builder()
                .add("sanction*", "S").add("санкци*", "S").add("Путин", 3, "P").build();
        assertEquals(List.of("S=sanctioned", "S=санкциями"), found(matcher, "They sanctioned it; санкциями тоже."));
        assertEquals(List.of("P=Путиным"), found(matcher, "встреча с Путиным"));
        assertEquals(List.of(), found(matcher, "путинизмами"));
    }

    /** One spelling closed for one theme and open for another: each keeps its own allowance, whichever was added first. */
    @Test
    void theSameSpellingClosedAndOpenKeepsBothAllowances() {
        PhraseMatcher<String> closedFirst = PhraseMatcher.<String>builder().add("court", "LAW").add("court*", "SPORT").build();
        PhraseMatcher<String> openFirst = PhraseMatcher.<String>builder().add("court*", "SPORT").add("court", "LAW").build();
        for (PhraseMatcher<String> matcher : List.of(closedFirst, openFirst)) {
            assertEquals(List.of("SPORT=courts"), found(matcher, "on the courts"));
            assertEquals(List.of("LAW=court", "SPORT=court"), found(matcher, "in court").stream().sorted().toList());
        }
    }
}
