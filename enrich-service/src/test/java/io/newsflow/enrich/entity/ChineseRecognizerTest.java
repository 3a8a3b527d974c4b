package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chinese text through the extractor: HanLP (or CoreNLP's Chinese CRF), the English model for
 * Latin-script names, the alias table.
 */
class ChineseRecognizerTest {

    private static Map<String, EntityType> names(String text) {
        return Extractors.shared().recognize(text, "zh").stream()
                .collect(Collectors.toMap(Mention::surface, Mention::type, (a, b) -> a));
    }

    @Test
    void latinScriptNamesGoToTheEnglishModel() {
        Map<String, EntityType> found = names("特朗普的女婿Jared Kushner昨天在华盛顿与Microsoft的代表会面。");
        assertEquals(EntityType.PERSON, found.get("Jared Kushner"), found.toString());
        assertEquals(EntityType.ORGANIZATION, found.get("Microsoft"), found.toString());
    }

    @Test
    void aNameAndTheOrganizationWordsAfterItAreOneOrganization() {
        Map<String, EntityType> found = names("他毕业于清华大学，后来加入了华为公司。");
        assertEquals(EntityType.ORGANIZATION, found.get("清华大学"), found.toString());
        assertEquals(EntityType.ORGANIZATION, found.get("华为公司"), found.toString());
    }

    @Test
    void aCountrysPeopleAndLanguageAreNotTheCountry() {
        Map<String, EntityType> found = names("许多美国人学习俄语，也有人去俄罗斯旅行。");
        assertFalse(found.containsKey("美国"), found.toString());
        assertFalse(found.containsKey("俄"), found.toString());
        assertEquals(EntityType.LOCATION, found.get("俄罗斯"), found.toString());
    }

    @Test
    void coreNlpsChineseModelTagsPeoplePlacesAndOrganizations() {
        // None of these names is in the alias table: what is found here, the CRF found.
        Map<String, EntityType> found = Extractors.coreNlpChinese().recognize("浙江大学的教授张建华昨天在杭州会见了来自宁波的代表。", "zh").stream()
                .collect(Collectors.toMap(Mention::surface, Mention::type, (a, b) -> a));
        assertEquals(EntityType.ORGANIZATION, found.get("浙江大学"), found.toString());
        assertEquals(EntityType.PERSON, found.get("张建华"), found.toString());
        assertEquals(EntityType.LOCATION, found.get("杭州"), found.toString());
        assertEquals(EntityType.LOCATION, found.get("宁波"), found.toString());
    }

    @Test
    void coreNlpsChineseModelReadsTraditionalCharactersAndLeavesLatinNamesToTheEnglishModel() {
        Map<String, EntityType> found = Extractors.coreNlpChinese().recognize("臺灣的張建華在紐約會見了Jared Kushner。", "zh").stream()
                .collect(Collectors.toMap(Mention::surface, Mention::type, (a, b) -> a));
        assertEquals(EntityType.PERSON, found.get("張建華"), found.toString());
        assertEquals(EntityType.PERSON, found.get("Jared Kushner"), found.toString());
    }

    @Test
    void theChineseModelIsPartOfTheModelVersion() {
        assertTrue(Extractors.shared().modelVersion().contains(ChineseRecognizer.VERSION));
        assertTrue(Extractors.coreNlpChinese().modelVersion().contains(CoreNlpChineseNames.VERSION));
    }
}
