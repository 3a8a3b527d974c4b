package io.newsflow.events;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentIdTest {

    @Test
    void idIs32LowercaseHexCharacters() {
        String id = ContentId.of("Title", "Body text.");
        assertTrue(id.matches("[0-9a-f]{32}"), id);
    }

    @Test
    void whitespaceCaseAndCompatibilityFormsDoNotChangeTheId() {
        String plain = ContentId.of("Putin visits Pyongyang", "Kim Jong-un met him at 2 a.m.\nThe visit lasted 24 hours.");
        String noisy = ContentId.of("  PUTIN visits   Pyongyang ", "Kim Jong-un met him at ２ a.m.\r\n\r\nThe visit  lasted 24 hours.  ");
        assertEquals(plain, noisy);
    }

    @Test
    void differentWordsOrTitlesGiveDifferentIds() {
        String base = ContentId.of("Title", "The summit was held on Wednesday.");
        assertNotEquals(base, ContentId.of("Title", "The summit was held on Thursday."));
        assertNotEquals(base, ContentId.of("Other title", "The summit was held on Wednesday."));
    }

    @Test
    void titleAndBodyAreSeparatedSoTextCannotMoveBetweenThem() {
        assertNotEquals(ContentId.of("a b", "c"), ContentId.of("a", "b c"));
    }

    @Test
    void missingTitleIsTheSameAsAnEmptyOne() {
        assertEquals(ContentId.of(null, "body"), ContentId.of("", "body"));
        assertEquals("", ContentId.normalize(null));
    }
}
