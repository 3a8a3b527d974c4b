package io.newsflow.enrich.theme;

import io.newsflow.enrich.Samples;
import io.newsflow.enrich.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeScorerTest {

    private static final ThemeScorer SCORER = new ThemeScorer(ThemeTaxonomy.loadDefault());

    private static Map<String, Double> themes(String text, String language) {
        return SCORER.score(text, language).stream().collect(Collectors.toMap(ThemeScore::code, ThemeScore::score));
    }

    @Test
    void theShippedTaxonomyHasAtLeastFortyThemesWithPhrasesInEachOfItsSixLanguages() {
        ThemeTaxonomy taxonomy = ThemeTaxonomy.loadDefault();
        assertTrue(taxonomy.themes().size() >= 40, "themes: " + taxonomy.themes().size());
        for (ThemeTaxonomy.Theme theme : taxonomy.themes()) {
            assertTrue(theme.phrases().keySet().containsAll(Set.of("en", "zh", "ru", "de", "fr", "es")), theme.code());
        }
        assertTrue(taxonomy.version().startsWith("2026.2+"), taxonomy.version());
    }

    /**
     * The samples as an analyst files them (docs/quality.md, "Themes"): each is about Russia and North Korea's
     * relations; 000 and 003 about the summit at the cosmodrome, 002 about the treaty with its mutual-assistance
     * clause. Sanctions, mentioned in passing in 000–002, are not what they are about. Bodies are read as the
     * pipeline reads them: cleaned, the teasers of other articles cut off.
     */
    @Test
    void theSamplesAreFiledUnderTheirMainThemesOnly() {
        Map<String, Set<String>> expected = Map.of(
                "000", Set.of("DIPLOMACY", "MILITARY", "SPACE"),
                "001", Set.of("DIPLOMACY"),
                "002", Set.of("DIPLOMACY", "ALLIANCE"),
                "003", Set.of("DIPLOMACY", "SPACE"),
                "004", Set.of("DIPLOMACY", "MILITARY"));
        expected.forEach((sample, codes) -> {
            Map<String, Double> found = themes(TextNormalizer.clean(Samples.bodyOf(sample)), "en");
            assertTrue(found.keySet().containsAll(codes), sample + ": " + found);
            assertFalse(found.containsKey("SPORTS") || found.containsKey("ELECTION") || found.containsKey("NATURAL_DISASTER")
                    || found.containsKey("GOV_LEADERSHIP"), sample + ": " + found);
        });
    }

    @Test
    void scoresCountWeightedPhrasesAndOffsetsPointAtThem() {
        String text = "The UN imposed new sanctions on Pyongyang. Sanctioned banks face an asset freeze.";
        ThemeScore sanctions = SCORER.score(text, "en").stream().filter(t -> t.code().equals("SANCTIONS")).findFirst().orElseThrow();
        // sanction*=2 twice and asset freeze=1, all within the lead (leadChars 250), which weighs 2.
        assertEquals((2 + 2 + 1) * 2.0, sanctions.score());
        assertEquals(List.of("sanctions", "Sanctioned", "asset freeze"), sanctions.offsets().stream().map(o -> text.substring(o[0], o[1])).toList());
    }

    @Test
    void exclusionsAndMinimumScoresKeepFalseThemesOut() {
        Map<String, Double> found = themes("Russia won breathing space and living space in Syria, a think tank said; office space is scarce.", "en");
        assertFalse(found.containsKey("SPACE"), found.toString());
        assertFalse(found.containsKey("MILITARY"), found.toString());
        assertFalse(themes("A single mention of the army. " + "The rest of the article is about something else. ".repeat(6), "en").containsKey("MILITARY"),
                "in an article longer than its lead, one weight-1 phrase is below the minimum score");
        assertTrue(themes("Astronauts boarded the rocket at the cosmodrome; the satellite reached orbit.", "en").containsKey("SPACE"));
    }

    @Test
    void chineseAndRussianTextsAreScoredWithTheirOwnPhrases() {
        // Four themes packed in two sentences: each counts, whatever the others' share and however few its phrases.
        ThemeTaxonomy shipped = ThemeTaxonomy.loadDefault();
        ThemeScorer everyTheme = new ThemeScorer(new ThemeTaxonomy(shipped.version(), shipped.defaultMinScore(), shipped.shortTextMinScore(), 0, shipped.leadChars(),
                shipped.leadWeight(), 1, shipped.themes()));
        Map<String, Double> zh = scores(everyTheme, "外交部发言人表示，美国对朝鲜实施新的制裁和武器禁运。两国在东方航天发射场举行峰会，讨论卫星和航天合作，并涉及军事合作与军事演习。", "zh");
        assertTrue(zh.keySet().containsAll(Set.of("SANCTIONS", "SPACE", "DIPLOMACY", "MILITARY")), zh.toString());
        Map<String, Double> ru = scores(everyTheme, "Песков заявил, что новые санкции и эмбарго США не помешают переговорам и визиту в Пхеньян. На космодроме Восточный обсуждали запуск спутников и военное сотрудничество, военные учения.", "ru");
        assertTrue(ru.keySet().containsAll(Set.of("SANCTIONS", "SPACE", "DIPLOMACY", "MILITARY")), ru.toString());
    }

    @Test
    void anOperatorFileReplacesTheDefaultAndItsEditsChangeTheVersion(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("themes.json");
        Files.writeString(file, """
                {"version": "ops-1", "defaultMinScore": 1, "themes": [
                  {"code": "FISHERIES", "phrases": {"en": ["fish*", "trawler*=2"]}, "exclude": {"en": ["fishy"]}}
                ]}""", StandardCharsets.UTF_8);
        ThemeTaxonomy first = ThemeTaxonomy.load(file);
        ThemeScorer custom = new ThemeScorer(first);
        assertEquals(List.of("FISHERIES"), custom.score("Trawlers and fishermen; a fishy story.", "en").stream().map(ThemeScore::code).toList());
        assertEquals(3.0, custom.score("Trawlers and fishermen; a fishy story.", "en").get(0).score());
        assertTrue(custom.score("Nothing here.", "en").isEmpty());

        Files.writeString(file, Files.readString(file).replace("trawler*=2", "trawler*=3"));
        assertNotEquals(first.version(), ThemeTaxonomy.load(file).version(), "an edit without a new version number is still a new taxonomy");

        Files.writeString(file, "{\"themes\": []}");
        assertThrows(IllegalArgumentException.class, () -> ThemeTaxonomy.load(file));
    }

    private static ThemeScorer scorerOf(String json) {
        return new ThemeScorer(ThemeTaxonomy.parse(json.getBytes(StandardCharsets.UTF_8), "test"));
    }

    private static final String TWO_THEMES = """
            {"version": "t", "defaultMinScore": 1, %s "themes": [
              {"code": "SANCTIONS", %s "phrases": {"en": ["sanction*", "embargo"]}},
              {"code": "DIPLOMACY", "phrases": {"en": ["summit", "ambassador"]}}
            ]}""";

    @Test
    void aPhraseInTheLeadWeighsTheLeadWeight() {
        String text = "Embargo talk at the summit.\n" + "Filler sentence. ".repeat(10) + "The ambassador left; a sanction followed.";
        ThemeScorer flat = scorerOf(TWO_THEMES.formatted("", ""));
        ThemeScorer lead = scorerOf(TWO_THEMES.formatted("\"leadChars\": 40, \"leadWeight\": 3,", ""));
        assertEquals(Map.of("SANCTIONS", 2.0, "DIPLOMACY", 2.0), scores(flat, text));
        // "Embargo" and "summit" are in the first 40 characters, "ambassador" and "sanction" are not.
        assertEquals(Map.of("SANCTIONS", 4.0, "DIPLOMACY", 4.0), scores(lead, text));
    }

    @Test
    void aThemeBelowItsShareOfTheBestThemeIsAPassingMention() {
        String text = "The summit, the summit again, the ambassador and one more summit; an embargo came up once.";
        assertEquals(Map.of("DIPLOMACY", 4.0, "SANCTIONS", 1.0), scores(scorerOf(TWO_THEMES.formatted("", "")), text));
        assertEquals(Map.of("DIPLOMACY", 4.0), scores(scorerOf(TWO_THEMES.formatted("\"defaultMinShare\": 0.5,", "")), text),
                "1 is less than half of the best theme's 4");
        assertEquals(Map.of("DIPLOMACY", 4.0, "SANCTIONS", 1.0),
                scores(scorerOf(TWO_THEMES.formatted("\"defaultMinShare\": 0.5,", "\"minShare\": 0.25,")), text),
                "a theme's own minShare overrides the default");
    }

    @Test
    void aThemeBesideTheBestOneNeedsDifferentPhrasesNotOneWordSaidAgain() {
        ThemeScorer scorer = scorerOf(TWO_THEMES.formatted("\"secondaryMinPhrases\": 2,", ""));
        assertEquals(Map.of("DIPLOMACY", 3.0), scores(scorer, "The summit, the summit again, the last summit; an embargo, an embargo."),
                "the best theme needs no second phrase; the other one says only 'embargo'");
        assertEquals(Map.of("DIPLOMACY", 3.0, "SANCTIONS", 2.0), scores(scorer, "The summit, the summit again, the last summit; an embargo, a sanction."));
        assertEquals(Map.of("DIPLOMACY", 3.0, "SANCTIONS", 2.0),
                scores(scorerOf(TWO_THEMES.formatted("", "")), "The summit, the summit again, the last summit; an embargo, an embargo."),
                "without the field, one phrase is enough");
    }

    @Test
    void overlappingPhrasesOfOneThemeCountOnceAtTheHeaviestWeight() {
        ThemeScorer scorer = scorerOf("""
            {"version": "t", "defaultMinScore": 1, "themes": [
              {"code": "INTELLIGENCE", "phrases": {"en": ["intelligence=2", "intelligence agenc*", "spy"]}}
            ]}""");
        // "intelligence agencies" is found as both phrases: the longer one, listed lighter, must not hide the heavier.
        assertEquals(Map.of("INTELLIGENCE", 2.0), scores(scorer, "Intelligence agencies concluded it."));
        assertEquals(List.of("Intelligence agencies"), scorer.score("Intelligence agencies concluded it.", "en").get(0).offsets().stream()
                .map(o -> "Intelligence agencies concluded it.".substring(o[0], o[1])).toList());
        assertEquals(Map.of("INTELLIGENCE", 3.0), scores(scorer, "Intelligence agencies caught a spy."));
    }

    @Test
    void aThemesOwnMinimumScoreOverridesTheDefault() {
        String text = "A sanction and an embargo; a summit.";
        assertEquals(Map.of("SANCTIONS", 2.0, "DIPLOMACY", 1.0), scores(scorerOf(TWO_THEMES.formatted("", "")), text));
        assertEquals(Map.of("DIPLOMACY", 1.0), scores(scorerOf(TWO_THEMES.formatted("", "\"minScore\": 3,")), text));
    }

    @Test
    void aTextNoLongerThanItsLeadNeedsOnlyTheShortTextMinimum() {
        String levels = """
                {"version": "t", "defaultMinScore": 3, %s "leadChars": 40, "leadWeight": 2, "themes": [
                  {"code": "SANCTIONS", %s "phrases": {"en": ["embargo"]}}]}""";
        String headline = "An embargo on oil.";
        String article = headline + " Filler that takes the text past its lead.";
        ThemeScorer scorer = scorerOf(levels.formatted("\"shortTextMinScore\": 2,", ""));
        assertEquals(Map.of("SANCTIONS", 2.0), scores(scorer, headline), "one phrase in the lead is what a headline has");
        assertEquals(Map.of(), scores(scorer, article), "a longer text still needs the default 3");
        assertEquals(Map.of(), scores(scorerOf(levels.formatted("\"shortTextMinScore\": 2,", "\"minScore\": 3,")), headline),
                "a theme's own minimum holds for short texts too");
        assertEquals(Map.of(), scores(scorerOf(levels.formatted("", "")), headline), "without the field, short texts need the default");
    }

    @Test
    void shortItemsInEachLanguageOfTheTaxonomyGetTheirTheme() {
        assertTrue(themes("Ein Erdbeben der Stärke 6,1 hat den Süden der Türkei erschüttert.", "de").containsKey("NATURAL_DISASTER"));
        assertTrue(themes("Des pirates informatiques ont mené une cyberattaque contre le réseau d'un hôpital.", "fr").containsKey("CYBER"));
        assertTrue(themes("El banco central subió los tipos de interés por tercera vez este año.", "es").containsKey("ECON_CENTRALBANK"));
        assertTrue(themes("Центробанк повысил ключевую ставку до 16 процентов.", "ru").containsKey("ECON_CENTRALBANK"));
        assertTrue(themes("美联储宣布加息25个基点。", "zh").containsKey("ECON_CENTRALBANK"));
    }

    @Test
    void aLeaderNamedInPassingIsNotALeadershipStoryButAResignationIs() {
        assertFalse(themes("Prime Minister Costas Simitis said on Thursday the government would cut the budget deficit to 4 percent of GDP.", "en")
                .containsKey("GOV_LEADERSHIP"));
        assertTrue(themes("Prime Minister resigns. The prime minister announced his resignation on Monday; a successor will be sworn in on Friday.", "en")
                .containsKey("GOV_LEADERSHIP"));
    }

    @Test
    void alliancesAndSanctionsAreFoundInTheirMultiWordPhrases() {
        assertTrue(themes("Russia and North Korea sign comprehensive strategic partnership. The treaty provides for mutual assistance in case of aggression.", "en")
                .containsKey("ALLIANCE"));
        assertTrue(themes("EU extends restrictive measures. The Council prolonged the restrictive measures and the arms embargo under Security Council resolution 2397.", "en")
                .containsKey("SANCTIONS"));
        assertTrue(themes("Россия и КНДР подписали договор о всеобъемлющем стратегическом партнерстве, предусматривающий взаимную помощь в случае агрессии.", "ru")
                .containsKey("ALLIANCE"));
        assertTrue(themes("中俄发表联合声明，深化新时代全面战略协作伙伴关系。", "zh").containsKey("ALLIANCE"));
        assertTrue(themes("Die EU verlängert die restriktiven Maßnahmen und das Waffenembargo gegen das Land.", "de").containsKey("SANCTIONS"));
    }

    @Test
    void aWildcardInsideAPhraseLetsEachOfItsWordsInflect() {
        ThemeScorer scorer = scorerOf("""
                {"version": "t", "defaultMinScore": 1, "themes": [
                  {"code": "CEASEFIRE", "phrases": {"ru": ["мирн* переговор*"], "de": ["restriktive* maßnahmen"]}}]}""");
        assertEquals(List.of("мирные переговоры"), scorer.score("Начались мирные переговоры.", "ru").get(0).offsets().stream()
                .map(o -> "Начались мирные переговоры.".substring(o[0], o[1])).toList());
        assertTrue(scorer.score("Мирные жители ждут, переговоры идут.", "ru").isEmpty(), "the words must follow each other");
        assertEquals(1, scorer.score("Die restriktiven Maßnahmen bleiben.", "de").size());
        assertTrue(scorer.score("Die restriktiven Maßnahmenkataloge bleiben.", "de").isEmpty(), "the last word, without *, ends there");
    }

    @Test
    void editingAnyFieldOfTheTaxonomyMakesANewVersionSoReEnrichmentPicksItUp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("themes.json");
        String original = TWO_THEMES.formatted("\"leadChars\": 40, \"leadWeight\": 2, \"defaultMinShare\": 0.5, \"shortTextMinScore\": 1,", "\"minShare\": 0.25,");
        Files.writeString(file, original, StandardCharsets.UTF_8);
        String version = ThemeTaxonomy.load(file).version();
        for (String edit : List.of(original.replace("\"leadWeight\": 2", "\"leadWeight\": 3"), original.replace("\"leadChars\": 40", "\"leadChars\": 80"),
                original.replace("\"defaultMinShare\": 0.5", "\"defaultMinShare\": 0.6"), original.replace("\"minShare\": 0.25", "\"minShare\": 0.3"),
                original.replace("\"shortTextMinScore\": 1", "\"shortTextMinScore\": 2"), original.replace("\"leadWeight\": 2,", "\"leadWeight\": 2, \"secondaryMinPhrases\": 2,"))) {
            Files.writeString(file, edit, StandardCharsets.UTF_8);
            // The stored taxonomy_version of every article then differs: a "stale" re-enrichment scores it again.
            assertNotEquals(version, ThemeTaxonomy.load(file).version(), edit);
        }
    }

    @Test
    void aShareAbove1OrANegativeLeadStopsTheStart() {
        for (String levers : List.of("\"defaultMinShare\": 1.5,", "\"leadChars\": -1,", "\"leadWeight\": 0,")) {
            assertThrows(IllegalArgumentException.class, () -> scorerOf(TWO_THEMES.formatted(levers, "")), levers);
        }
        assertThrows(IllegalArgumentException.class, () -> scorerOf(TWO_THEMES.formatted("", "\"minShare\": -0.1,")));
    }

    @Test
    void theStoredVersionNamesTheFileAndTheScoringRulesAndFitsItsColumn() {
        ThemeScorer shipped = new ThemeScorer(ThemeTaxonomy.loadDefault());
        assertEquals(ThemeTaxonomy.loadDefault().version() + ";" + ThemeScorer.RULES_REVISION, shipped.version(),
                "a fix of the scoring rules re-themes stored articles on re-enrichment, as a taxonomy edit does");
        String longest = TWO_THEMES.replace("\"version\": \"t\"", "\"version\": \"" + "v".repeat(ThemeTaxonomy.MAX_VERSION_CHARS) + "\"").formatted("", "");
        assertTrue(scorerOf(longest).version().length() <= 64, "article_theme.taxonomy_version is varchar(64)");
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> scorerOf(TWO_THEMES.replace("\"version\": \"t\"", "\"version\": \"" + "v".repeat(ThemeTaxonomy.MAX_VERSION_CHARS + 1) + "\"").formatted("", "")));
        assertTrue(tooLong.getMessage().contains("version must be at most 48 characters"), tooLong.getMessage());
    }

    private static Map<String, Double> scores(ThemeScorer scorer, String text) {
        return scores(scorer, text, "en");
    }

    private static Map<String, Double> scores(ThemeScorer scorer, String text, String language) {
        return scorer.score(text, language).stream().collect(Collectors.toMap(ThemeScore::code, ThemeScore::score));
    }
}
