package io.newsflow.enrich.normalize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoilerplateStripperTest {

    private static final String ARTICLE = """
            The city council approved the new budget on Tuesday after a debate that lasted well into the night.

            Council members argued over funding for public transport, schools and the renovation of the old harbour.

            The mayor said the compromise was the best the city could afford in a difficult year.""";

    @Test
    void aTeaserBlockOfRepeatedHeadlinesAndTagLinesIsCut() {
        String text = ARTICLE + """


                Storm closes mountain roads | Weather | Alps
                Storm closes mountain roads | Weather | Alps

                Heavy snow blocked three passes overnight.

                Local team wins the cup again
                Local team wins the cup again
                """;
        assertEquals(ARTICLE, BoilerplateStripper.strip(TextNormalizer.normalize(text)));
    }

    @Test
    void aSingleClosingTagLineIsCut() {
        assertEquals(ARTICLE, BoilerplateStripper.strip(ARTICLE + "\n\nBudget | City council | Harbour"));
    }

    @Test
    void creditLinesAtTheEndAreCutInEnglishAndChinese() {
        assertEquals(ARTICLE, BoilerplateStripper.strip(ARTICLE + "\n\nThe writer is a columnist based in Hamburg.\nEditor: Jane Roe"));
        assertEquals(ARTICLE, BoilerplateStripper.strip(ARTICLE + "\n责任编辑：王芳\n(完)"));
    }

    @Test
    void pipesInsideTheArticleAndTablesAreKept() {
        String table = ARTICLE + "\n\n| district | budget | change |\n| north | 12 | +3 |\n| south | 9 | -1 |";
        assertEquals(table, BoilerplateStripper.strip(table));
        String quote = ARTICLE + "\n\nHe said: \"either | or\" was never the question.";
        assertEquals(quote, BoilerplateStripper.strip(quote));
    }

    @Test
    void aRepeatedLineInTheMiddleOfAnArticleIsKept() {
        String chant = "They chanted: no more cuts\nno more cuts\nno more cuts\n\n" + ARTICLE;
        assertEquals(chant, BoilerplateStripper.strip(chant));
    }

    @Test
    void neverCutsMostOfTheText() {
        String mostlyTags = "Short intro.\nStorm closes roads | Weather | Alps\nStorm closes roads | Weather | Alps\nCup final | Sport | Cup";
        String stripped = BoilerplateStripper.strip(mostlyTags);
        assertTrue(stripped.startsWith("Short intro.\nStorm closes roads | Weather | Alps"), stripped);
        assertTrue(stripped.length() >= BoilerplateStripper.MIN_KEPT * mostlyTags.length(), stripped);
    }

    @Test
    void recognisesTagLines() {
        assertTrue(BoilerplateStripper.isTagLine("Zelensky: Missiles are not enough for air defense | Patriots | Missiles"));
        assertFalse(BoilerplateStripper.isTagLine("Patriots | Missiles"));
        assertFalse(BoilerplateStripper.isTagLine("| a | b | c |"));
    }
}
