package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Spellings that link to one entity id make one entity of the article, whatever produced them. */
class LinkedEntityMergeTest {

    @Test
    void spellingsThatShareAnIdAreOneEntityWithTheirMentionsInTextOrder() {
        // A headline in capitals and the body's spelling: two names, one slug.
        String text = "LARA HITS 375\nBrian Lara's West Indies team-mates cheered as Lara passed the record. Lara said little.";
        List<LinkedEntity> linked = Extractors.shared().link(List.of(
                mention(text, "LARA", 0, EntityType.PERSON),
                mention(text, "Lara", text.indexOf("Lara passed"), EntityType.PERSON),
                mention(text, "West Indies", text.indexOf("West Indies"), EntityType.LOCATION),
                mention(text, "Lara", text.indexOf("Lara said"), EntityType.PERSON)));

        List<LinkedEntity> lara = linked.stream().filter(e -> e.entity().id().equals("person/lara")).toList();
        assertEquals(1, lara.size(), linked.toString());
        assertEquals(3, lara.get(0).mentions());
        assertArrayEquals(new int[] {0, text.indexOf("Lara passed"), text.indexOf("Lara said")},
                lara.get(0).offsets().stream().mapToInt(span -> span[0]).toArray());
        assertEquals("person/lara", linked.get(0).entity().id(), "the most mentioned entity comes first");
        assertEquals(linked.size(), linked.stream().map(e -> e.entity().id()).distinct().count());
    }

    @Test
    void mergingSumsMentionsSortsOffsetsAndKeepsTheFirstName() {
        NamedEntity upper = new NamedEntity("person/lara", EntityType.PERSON, "LARA");
        NamedEntity title = new NamedEntity("person/lara", EntityType.PERSON, "Lara");
        NamedEntity place = NamedEntity.of(EntityType.LOCATION, "Trinidad");
        List<LinkedEntity> merged = LinkedEntity.mergeById(List.of(
                new LinkedEntity(place, List.of(new int[] {5, 13})),
                new LinkedEntity(title, List.of(new int[] {40, 44}, new int[] {90, 94})),
                new LinkedEntity(upper, List.of(new int[] {0, 4}))));

        assertEquals(2, merged.size());
        assertEquals("Lara", merged.get(0).entity().name(), "the first entry's name is kept");
        assertEquals(3, merged.get(0).mentions());
        assertArrayEquals(new int[] {0, 40, 90}, merged.get(0).offsets().stream().mapToInt(span -> span[0]).toArray());
        assertArrayEquals(new int[] {4, 44, 94}, merged.get(0).offsets().stream().mapToInt(span -> span[1]).toArray());
        assertEquals(place, merged.get(1).entity());
    }

    @Test
    void aSpellingInCapitalsOnlyGivesWayToOneWithLowerCaseLetters() {
        NamedEntity headline = new NamedEntity("organization/leicestershire", EntityType.ORGANIZATION, "LEICESTERSHIRE");
        NamedEntity body = new NamedEntity("organization/leicestershire", EntityType.ORGANIZATION, "Leicestershire");
        NamedEntity acronym = NamedEntity.of(EntityType.ORGANIZATION, "NATO");
        List<LinkedEntity> merged = LinkedEntity.mergeById(List.of(
                new LinkedEntity(headline, List.of(new int[] {0, 14})),
                new LinkedEntity(acronym, List.of(new int[] {20, 24})),
                new LinkedEntity(body, List.of(new int[] {40, 54}))));

        assertEquals("Leicestershire", merged.get(0).entity().name());
        assertEquals("NATO", merged.get(1).entity().name(), "alone in capitals, a name stays as written");
        assertEquals(body, body.betterWritten(headline));
        assertEquals("普京", NamedEntity.of(EntityType.PERSON, "普京").betterWritten(NamedEntity.of(EntityType.PERSON, "普京")).name());
    }

    private static Mention mention(String text, String surface, int start, EntityType type) {
        assertEquals(surface, text.substring(start, start + surface.length()));
        return new Mention(start, start + surface.length(), surface, type);
    }
}
