package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AhoCorasickTest {

    private static String show(List<AhoCorasick.Hit<String>> hits) {
        return String.join(",", hits.stream().map(h -> h.value() + "@" + h.start() + "-" + h.end()).toList());
    }

    @Test
    void findsOverlappingAndNestedPatternsThroughFailureLinks() {
        Map<String, String> patterns = new LinkedHashMap<>();
        for (String p : List.of("he", "she", "his", "hers")) {
            patterns.put(p, p);
        }
        AhoCorasick<String> automaton = new AhoCorasick<>(patterns);
        assertEquals(4, automaton.size());
        assertEquals("she@1-4,he@2-4,hers@2-6", show(automaton.search("ushers")));
        assertEquals("his@0-3,she@2-5,he@3-5", show(automaton.search("hishe")));
        assertEquals("", show(automaton.search("xyz")));
    }

    @Test
    void longestNonOverlappingPrefersTheLeftmostThenTheLongest() {
        AhoCorasick<String> automaton = new AhoCorasick<>(Map.of("korea", "K", "north korea", "NK", "north", "N", "朝鲜", "CN-NK", "朝鲜半岛", "PEN"));
        assertEquals("NK@4-15", show(AhoCorasick.longestNonOverlapping(automaton.search("the north korea"))));
        assertEquals("PEN@0-4,CN-NK@7-9", show(AhoCorasick.longestNonOverlapping(automaton.search("朝鲜半岛局势与朝鲜"))));
    }
}
