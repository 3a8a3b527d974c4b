package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The Russian capitalization and morphology rules, on sentences written for the test. */
class CyrillicNameRecognizerTest {

    private static final CyrillicNameRecognizer RULES = new CyrillicNameRecognizer();

    private static Map<String, EntityType> names(String text) {
        Map<String, EntityType> found = new LinkedHashMap<>();
        RULES.recognize(text).forEach(m -> found.put(m.surface(), m.type()));
        return found;
    }

    @Test
    void organizationAndPlaceNamesReachOverTheirLowercaseWords() {
        assertEquals(Map.of("Министерство иностранных дел России", EntityType.ORGANIZATION),
                names("Вчера Министерство иностранных дел России выступило с заявлением."));
        assertEquals(Map.of("Московский государственный университет", EntityType.ORGANIZATION, "Тверской области", EntityType.LOCATION),
                names("Об этом сообщил Московский государственный университет после поездки по Тверской области."));
    }

    @Test
    void aSentenceOpenerIsNoPartOfAName() {
        assertEquals(Map.of("Шольц", EntityType.PERSON), names("Однако Шольц не приехал."));
        assertEquals(Map.of("Эммануэль Макрон", EntityType.PERSON), names("Президент Эммануэль Макрон прибыл."));
        assertEquals(Map.of(), names("Сегодня холодно."), "a lone sentence opener with no evidence is no name");
    }

    @Test
    void typesComeFromMorphologyAndContext() {
        Map<String, EntityType> found = names("В четверг Анна Петровна Сидорова, дочь Ивана Кузнецова, прилетела из Бразилиа, "
                + "а потом на Филиппинах встретилась с представителями компании «Ромашка» и Google.");
        assertEquals(EntityType.PERSON, found.get("Анна Петровна Сидорова"));
        assertEquals(EntityType.PERSON, found.get("Ивана Кузнецова"));
        assertEquals(EntityType.LOCATION, found.get("Бразилиа"));
        assertEquals(EntityType.LOCATION, found.get("Филиппинах"));
        assertEquals(EntityType.ORGANIZATION, found.get("Ромашка"));
        assertEquals(EntityType.ORGANIZATION, found.get("Google"));
        Map<String, EntityType> kinds = names("По данным СМИ, газета Известия писала о визите в город Тверь.");
        assertEquals(Map.of("Известия", EntityType.ORGANIZATION, "Тверь", EntityType.LOCATION), kinds);
    }

    @Test
    void aFirstNameStartsANewNameAndInitialsJoinTheSurname() {
        Map<String, EntityType> found = names("Пресс-секретарь Кремля Дмитрий Песков ответил.");
        assertEquals(EntityType.PERSON, found.get("Дмитрий Песков"), found.toString());
        assertFalse(found.containsKey("Кремля Дмитрий Песков"));
        assertEquals(Map.of("В. В. Путин", EntityType.PERSON), names("Об этом заявил В. В. Путин."));
    }
}
