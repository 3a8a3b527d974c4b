package io.newsflow.enrich.entity;

import io.newsflow.enrich.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five shared sample articles (English): who and where, whatever the spelling. */
class SampleEntitiesTest {

    private static final List<String> SAMPLES = List.of("000", "001", "002", "003", "004");

    private static List<LinkedEntity> entities(String sample) {
        return Extractors.shared().extract(Samples.bodyOf(sample), "en");
    }

    @Test
    void putinAndKimJongUnAreOnePersonEachInEverySample() {
        Map<String, Pattern> leaders = Map.of("Vladimir Putin", Pattern.compile("(?i).*putin.*"), "Kim Jong-un", Pattern.compile("(?i).*kim jong.{0,2}un.*"));
        for (String sample : SAMPLES) {
            List<LinkedEntity> found = entities(sample);
            leaders.forEach((leader, spelling) -> {
                List<NamedEntity> matching = found.stream().map(LinkedEntity::entity).filter(e -> spelling.matcher(e.name()).matches()).toList();
                assertEquals(List.of(new NamedEntity(NamedEntity.of(EntityType.PERSON, leader).id(), EntityType.PERSON, leader)), matching, sample);
            });
        }
    }

    @Test
    void theCountriesArePlaces() {
        Set<String> locations = SAMPLES.stream().flatMap(s -> entities(s).stream())
                .filter(e -> e.entity().type() == EntityType.LOCATION).map(e -> e.entity().name()).collect(Collectors.toSet());
        assertTrue(locations.containsAll(List.of("Russia", "North Korea", "China", "United States", "South Korea", "Ukraine")), locations.toString());
        Map<String, Integer> inSample001 = entities("001").stream().collect(Collectors.toMap(e -> e.entity().name(), LinkedEntity::mentions));
        // "DPRK" (5 times) and "North Korea" are counted as one place.
        assertTrue(inSample001.get("North Korea") >= 5 + 30, inSample001.toString());
    }

    @Test
    void spokespeopleAndMinistersAreFound() {
        Map<String, Set<String>> people = Map.of(
                "001", Set.of("Mao Ning"), "000", Set.of("John Kirby"), "003", Set.of("Dmitry Peskov"), "004", Set.of("Sergei Shoigu"));
        people.forEach((sample, names) -> {
            Set<String> persons = entities(sample).stream().filter(e -> e.entity().type() == EntityType.PERSON)
                    .map(e -> e.entity().name()).collect(Collectors.toSet());
            assertTrue(persons.containsAll(names), sample + ": " + persons);
        });
    }

    @Test
    void offsetsPointAtTheMentions() {
        String body = Samples.bodyOf("003");
        LinkedEntity kim = entities("003").stream().filter(e -> e.entity().id().equals("person/kim-jong-un")).findFirst().orElseThrow();
        for (int[] offset : kim.offsets()) {
            String surface = body.substring(offset[0], offset[1]);
            assertTrue(surface.equals("Kim Jong -un") || surface.equals("Kim Jong-un"), surface);
        }
    }
}
