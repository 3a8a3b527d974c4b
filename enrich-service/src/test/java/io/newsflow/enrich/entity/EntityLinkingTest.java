package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alias table and linking, on sentences written for the test in several languages and scripts. */
class EntityLinkingTest {

    private static final AliasTable ALIASES = AliasTable.loadDefault();

    private static String id(String spelling) {
        return ALIASES.lookup(spelling).map(NamedEntity::id).orElse("-");
    }

    @Test
    void everySpellingOfALeaderIsOneCanonicalPerson() {
        for (String spelling : List.of("Kim Jong-un", "Kim Jong -un", "Kim Jong Un", "KIM JONG UN", "金正恩", "김정은", "Ким Чен Ын")) {
            assertEquals("person/kim-jong-un", id(spelling), spelling);
        }
        for (String spelling : List.of("Putin", "Vladimir Putin", "Владимир Путин", "普京", "푸틴")) {
            assertEquals("person/vladimir-putin", id(spelling), spelling);
        }
        assertEquals("Kim Jong-un", ALIASES.lookup("김정은").orElseThrow().name());
    }

    @Test
    void dprkIsNorthKoreaAsALocationAndCountriesComeFromTheJdkInManyLanguages() {
        NamedEntity dprk = ALIASES.lookup("DPRK").orElseThrow();
        assertEquals(EntityType.LOCATION, dprk.type());
        assertEquals("North Korea", dprk.name());
        assertEquals("location/germany", id("Allemagne"));
        assertEquals("location/germany", id("Deutschland"));
        assertEquals("location/germany", id("Германия"));
        assertEquals("location/japan", id("日本"));
        assertEquals("location/brazil", id("Brasil"));
        assertEquals("location/united-states", id("U.S."));
        assertEquals("-", id("us"), "an acronym matches only in capitals");
    }

    @Test
    void transliterationVariantsMeetOnThePhoneticKey() {
        assertEquals("person/sergei-shoigu", ALIASES.lookupPhonetic("Sergey Shoygu", EntityType.PERSON).map(NamedEntity::id).orElse("-"));
        assertEquals("person/volodymyr-zelensky", ALIASES.lookupPhonetic("Zelenskii", EntityType.PERSON).map(NamedEntity::id).orElse("-"));
        assertEquals(AliasTable.phoneticKey("Dmitry Peskov"), AliasTable.phoneticKey("Dmitriy Peskov"));
        assertFalse(ALIASES.lookupPhonetic("Shoigu", EntityType.LOCATION).isPresent(), "a phonetic match keeps the type");
    }

    @Test
    void linkingGroupsMentionsCorrectsTypesAndResolvesLoneSurnames() {
        EntityExtractor extractor = Extractors.shared();
        List<Mention> mentions = List.of(
                new Mention(0, 10, "John Kirby", EntityType.PERSON),
                new Mention(20, 24, "DPRK", EntityType.ORGANIZATION),
                new Mention(30, 35, "Kirby", EntityType.PERSON),
                new Mention(40, 54, "Sergey Shoygu", EntityType.PERSON),
                new Mention(60, 70, "Washington", EntityType.PERSON),
                new Mention(80, 92, "Kim Jong -un", EntityType.PERSON),
                new Mention(95, 104, "Ann Smith", EntityType.PERSON));
        Map<String, LinkedEntity> linked = extractor.link(mentions).stream()
                .collect(Collectors.toMap(e -> e.entity().id(), e -> e));
        assertEquals(2, linked.get("person/john-kirby").mentions());
        assertEquals(EntityType.LOCATION, linked.get("location/north-korea").entity().type());
        assertTrue(linked.containsKey("person/sergei-shoigu"));
        assertTrue(linked.containsKey("person/washington"), "a person the model found is not turned into the capital");
        assertTrue(linked.containsKey("person/kim-jong-un"));
        assertEquals("Ann Smith", linked.get("person/ann-smith").entity().name());
        assertEquals(List.of(80, 92), List.of(linked.get("person/kim-jong-un").offsets().get(0)[0], linked.get("person/kim-jong-un").offsets().get(0)[1]));
    }

    @Test
    void languagesWithoutAModelAreCoveredByTheAliasTable() {
        EntityExtractor extractor = Extractors.shared();
        String russian = "Пресс-секретарь Кремля Дмитрий Песков заявил, что Путин обсудит с Ким Чен Ыном санкции США и ООН.";
        Map<String, Integer> ru = extractor.extract(russian, "ru").stream()
                .collect(Collectors.toMap(e -> e.entity().id(), LinkedEntity::mentions));
        assertEquals(Map.of("organization/kremlin", 1, "person/dmitry-peskov", 1, "person/vladimir-putin", 1,
                "person/kim-jong-un", 1, "location/united-states", 1, "organization/united-nations", 1), ru);

        String korean = "북한 김정은 국무위원장과 러시아 푸틴 대통령이 보스토치니 우주기지에서 회담했다.";
        List<String> ko = extractor.extract(korean, "ko").stream().map(e -> e.entity().id()).sorted().toList();
        assertEquals(List.of("location/north-korea", "location/russia", "location/vostochny-cosmodrome", "person/kim-jong-un", "person/vladimir-putin"), ko);
    }

    @Test
    void chineseGoesThroughHanlpAndTheAliasTable() {
        String chinese = "外交部发言人毛宁表示，朝鲜领导人金正恩访问俄罗斯，与普京在东方航天发射场会谈。张伟教授在北京大学对此发表评论。";
        Map<String, EntityType> zh = Extractors.shared().extract(chinese, "zh").stream()
                .collect(Collectors.toMap(e -> e.entity().name(), e -> e.entity().type()));
        assertEquals(EntityType.PERSON, zh.get("Mao Ning"));
        assertEquals(EntityType.PERSON, zh.get("Kim Jong-un"));
        assertEquals(EntityType.PERSON, zh.get("Vladimir Putin"));
        assertEquals(EntityType.LOCATION, zh.get("North Korea"));
        assertEquals(EntityType.LOCATION, zh.get("Russia"));
        assertEquals(EntityType.PERSON, zh.get("张伟"), "a name in no table, found by HanLP: " + zh);
    }
}
