package io.newsflow.enrich.dedup;

import io.newsflow.enrich.Samples;
import io.newsflow.enrich.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShinglerTest {

    private final Shingler shingler = new Shingler(3, 4);

    @Test
    void wordShinglesIgnoreCaseAndPunctuation() {
        long[] a = shingler.shingles("The leaders met in Pyongyang, then flew to Hanoi.");
        long[] b = shingler.shingles("the leaders met in PYONGYANG then flew to hanoi");
        assertArrayEquals(a, b);
        assertEquals(7, a.length, "9 words give 7 three-word shingles");
    }

    @Test
    void chineseIsShingledByCharacters() {
        long[] shingles = shingler.shingles("两国领导人在航天发射场会面");
        assertEquals(13 - 4 + 1, shingles.length);
        long[] edited = shingler.shingles("两国领导人在航天中心会面");
        double overlap = Shingler.overlap(shingles, edited);
        assertTrue(overlap > 0.3 && overlap < 0.8, "a two-character edit changes a few shingles, not all: " + overlap);
    }

    @Test
    void aShortTextIsOneShingle() {
        assertEquals(1, shingler.shingles("Breaking news").length);
        assertEquals(0, shingler.shingles(" -- ").length);
    }

    @Test
    void overlapIsOneForATruncatedCopyAndLowForSameTopicArticles() {
        long[] full = shingler.shingles(TextNormalizer.clean(Samples.body("000_c57e4281e488cd20.txt")));
        String body = Samples.body("000_c57e4281e488cd20.txt");
        long[] half = shingler.shingles(TextNormalizer.clean(body.substring(0, body.length() / 2)));
        assertTrue(Shingler.overlap(full, half) > 0.99);

        long[] s003 = shingler.shingles(TextNormalizer.clean(Samples.body("003_87827dec1b683a00.txt")));
        long[] s004 = shingler.shingles(TextNormalizer.clean(Samples.body("004_2cb154c89b1adac4.txt")));
        assertTrue(Shingler.overlap(s003, s004) < 0.1, "003 and 004 share a topic, not text: " + Shingler.overlap(s003, s004));
    }

    @Test
    void rejectsEmptyShingles() {
        assertThrows(IllegalArgumentException.class, () -> new Shingler(0, 4));
    }
}
