package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLDR's cities and regions in the alias table, on Russian and Chinese sentences written for the test. */
class WorldPlacesTest {

    /** Each mention's surface → the canonical entity it is linked to. */
    private static Map<String, String> linked(String text, String language) {
        return Extractors.shared().extract(text, language).stream()
                .flatMap(entity -> entity.offsets().stream().map(o -> Map.entry(text.substring(o[0], o[1]), entity.entity().id())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    @Test
    void aForeignCityIsAPlaceNotTheDefaultPerson() {
        // No preposition, no place ending: the rules alone call a lone unknown capitalized word a person.
        Map<String, String> found = linked("Делегация посетила Найроби, затем Монтевидео и Лондон.", "ru");
        assertEquals("location/nairobi", found.get("Найроби"), found.toString());
        assertEquals("location/montevideo", found.get("Монтевидео"), found.toString());
        assertEquals("location/london", found.get("Лондон"), found.toString());
    }

    @Test
    void aDeclinedRussianPlaceNameIsTheSamePlaceAsItsEnglishName() {
        Map<String, String> found = linked("Переговоры прошли в Лондоне, а жители Аккры и Касабланки следили за ними.", "ru");
        assertEquals("location/london", found.get("Лондоне"), found.toString());
        assertEquals("location/accra", found.get("Аккры"), found.toString());
        assertEquals("location/casablanca", found.get("Касабланки"), found.toString());
        assertEquals("location/london", linked("Talks were held in London on Monday.", "en").get("London"));
    }

    @Test
    void onlyTheRegularCaseFormsOfAPlaceMatchNotAnyLettersAfterIt() {
        assertEquals(List.of("Лима", "Лимы", "Лими", "Лиме", "Лиму", "Лимой"), CyrillicNameRecognizer.caseForms("Лима"));
        assertEquals(List.of("Осло"), CyrillicNameRecognizer.caseForms("Осло"), "a name ending in -о does not decline");
        assertEquals("location/lima", linked("Туристы приехали в Лиму.", "ru").get("Лиму"));
        assertEquals("location/melbourne", linked("Матч прошёл в Мельбурне.", "ru").get("Мельбурне"));
        assertFalse(linked("Забег выиграл мельбурнец Смит, а Мельбурнец Джонс сошёл.", "ru").containsValue("location/melbourne"),
                "a Melbourner is no form of Melbourne");
    }

    @Test
    void chineseNamesOfForeignCitiesAreLinkedPlaces() {
        Map<String, String> found = linked("代表团先后访问了内罗毕和蒙得维的亚。", "zh");
        assertEquals("location/nairobi", found.get("内罗毕"), found.toString());
        assertEquals("location/montevideo", found.get("蒙得维的亚"), found.toString());
        assertEquals("location/nairobi", linked("代表團訪問了奈洛比。", "zh").get("奈洛比"), "Traditional script");
    }

    @Test
    void aLongerOrganizationNameKeepsTheCityInside() {
        Map<String, String> found = linked("她毕业于墨尔本大学。", "zh");
        assertTrue(found.getOrDefault("墨尔本大学", "").startsWith("organization/"), found.toString());
        assertFalse(found.containsKey("墨尔本"), found.toString());
    }

    @Test
    void chinaAndAnotherCountryAreNoRegion() {
        // CLDR abbreviates Central America 中美 (Traditional) and Middle Africa 中非; in news they are China–US, China–Africa.
        Map<String, String> found = linked("中美关系和中非合作都很重要。", "zh");
        assertFalse(found.containsValue("location/central-america"), found.toString());
        assertFalse(found.containsValue("location/middle-africa"), found.toString());
        assertEquals("location/southeast-asia", linked("他们去了东南亚。", "zh").get("东南亚"));
    }
}
