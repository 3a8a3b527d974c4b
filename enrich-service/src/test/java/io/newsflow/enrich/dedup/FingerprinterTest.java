package io.newsflow.enrich.dedup;

import io.newsflow.enrich.Samples;
import io.newsflow.enrich.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprinterTest {

    private final Fingerprinter fingerprinter = new Fingerprinter(3, 4, 12);

    @Test
    void aLightlyEditedCopyWithABoilerplateTailSharesBandsAndEstimatesHigh() {
        String original = Samples.body("000_c57e4281e488cd20.txt");
        String edited = original.replace("Wednesday", "Tuesday").replace("bilateral summit", "two-way summit")
                .replace("very symbolic", "highly symbolic")
                + "\n\nRead more: Kim visits Russia | North Korea | Russia\nRead more: Kim visits Russia | North Korea | Russia";
        Fingerprint a = fingerprinter.of(TextNormalizer.clean(original));
        Fingerprint b = fingerprinter.of(TextNormalizer.clean(edited));
        assertTrue(sharedBands(a, b) >= 16, "shared bands: " + sharedBands(a, b));
        assertTrue(fingerprinter.estimatedJaccard(a.signature(), b.signature()) > 0.9);
        assertTrue(Shingler.overlap(a.shingles(), b.shingles()) > 0.95);
    }

    @Test
    void sameTopicArticlesShareNoBand() {
        Fingerprint s003 = fingerprinter.of(TextNormalizer.clean(Samples.body("003_87827dec1b683a00.txt")));
        Fingerprint s004 = fingerprinter.of(TextNormalizer.clean(Samples.body("004_2cb154c89b1adac4.txt")));
        Fingerprint s000 = fingerprinter.of(TextNormalizer.clean(Samples.body("000_c57e4281e488cd20.txt")));
        assertEquals(0, sharedBands(s003, s004));
        assertEquals(0, sharedBands(s000, s003));
        assertTrue(fingerprinter.estimatedJaccard(s003.signature(), s004.signature()) < 0.1);
    }

    @Test
    void aFingerprintHas32DistinctBandKeysUnlessTheTextIsTooShort() {
        Fingerprint long_ = fingerprinter.of(TextNormalizer.clean(Samples.body("001_ac06186fe94f9196.txt")));
        assertTrue(long_.comparable());
        assertEquals(Fingerprinter.BANDS, Arrays.stream(long_.bands()).distinct().count());
        assertEquals(Fingerprinter.COMPONENTS * 4, long_.signature().length);
        Fingerprint short_ = fingerprinter.of("Putin lands in Pyongyang at two in the morning.");
        assertFalse(short_.comparable());
    }

    @Test
    void overlapEstimateFromJaccardMatchesTheSetAlgebra() {
        // A has 100 shingles, B is its first 50: J = 0.5, overlap = 1.
        assertEquals(1.0, NearDuplicateRule.overlapFromJaccard(0.5, 100, 50), 1e-9);
        // Two sets of 100 sharing 60: J = 60/140.
        assertEquals(0.6, NearDuplicateRule.overlapFromJaccard(60.0 / 140, 100, 100), 1e-9);
    }

    @Test
    void theVersionNamesTheShinglesAndKeepsOneForTheDefaults() {
        assertEquals(1, fingerprinter.version(), "what every fingerprint stored before shingle settings counted has");
        assertEquals(10_404, new Fingerprinter(4, 4, 12).version());
        assertEquals(10_302, new Fingerprinter(3, 2, 12).version());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Fingerprinter(100, 4, 12));
        assertTrue(e.getMessage().startsWith("NEWSFLOW_DEDUP_SHINGLE_WORDS=100"), e.getMessage());
        // Another making shares no band with the default one: a lookup across versions would find nothing.
        String text = TextNormalizer.clean(Samples.bodyOf("000"));
        assertEquals(0, sharedBands(fingerprinter.of(text), new Fingerprinter(4, 4, 12).of(text)));
    }

    private static long sharedBands(Fingerprint a, Fingerprint b) {
        return Arrays.stream(a.bands()).filter(x -> Arrays.stream(b.bands()).anyMatch(y -> y == x)).count();
    }
}
