package io.newsflow.enrich.normalize;

import io.newsflow.enrich.Samples;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {

    @Test
    void foldsCompatibilityFormsAndWhitespaceButKeepsCaseAndParagraphs() {
        String raw = "ＰＵＴＩＮ met Kim\u00A0 in  ２０２４.\r\n\r\n\r\n\tSecond\u200B paragraph ﬁne.  \n";
        assertEquals("PUTIN met Kim in 2024.\n\nSecond paragraph fine.", TextNormalizer.normalize(raw));
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalize(" \n\t "));
    }

    @Test
    void cleanOfSample002DropsTheTeaserTailAndKeepsTheArticle() {
        String clean = TextNormalizer.clean(Samples.body("002_158020bef77a7aad.txt"));
        assertTrue(clean.startsWith("It was undoubtedly a whirlwind visit"), clean.substring(0, 80));
        assertTrue(clean.endsWith("Next, he was busy in Vietnam..."), clean.substring(clean.length() - 80));
        assertFalse(clean.contains("Zelensky"));
        assertFalse(clean.contains(" | "));
    }

    @Test
    void cleanOfSample004DropsTheAuthorCreditLine() {
        String clean = TextNormalizer.clean(Samples.body("004_2cb154c89b1adac4.txt"));
        assertFalse(clean.contains("The author is a professor"));
        assertTrue(clean.endsWith("For Pyongyang, it is worth Moscow to go by Moscow alone."), clean.substring(clean.length() - 80));
    }

    @Test
    void cleanLeavesArticlesWithoutBoilerplateAsNormalized() {
        for (String name : new String[] {"000_c57e4281e488cd20.txt", "001_ac06186fe94f9196.txt", "003_87827dec1b683a00.txt"}) {
            String body = Samples.body(name);
            assertEquals(TextNormalizer.normalize(body), TextNormalizer.clean(body), name);
        }
    }
}
