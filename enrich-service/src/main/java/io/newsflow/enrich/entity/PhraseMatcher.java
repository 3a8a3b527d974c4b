package io.newsflow.enrich.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known phrases in text in any script, with {@link AhoCorasick} over a folded copy of the text:
 * case-folded, with runs of spaces and hyphens made one space, so that {@code Kim Jong -un},
 * {@code Kim Jong-un} and {@code KIM JONG UN} are one phrase. Matches in alphabetic scripts must
 * start and end on word boundaries; in Chinese, Japanese and Korean text they may not (Korean
 * particles attach to the word, Chinese has no spaces). A phrase may allow a few trailing letters,
 * for inflected languages ({@code санкци*}, {@code sanction*}).
 *
 * @param <V> what a phrase stands for; one phrase may stand for several things
 */
public final class PhraseMatcher<V> {

    /** Offsets are into the original text, {@code [start, end)}. */
    public record Match<V>(int start, int end, V value) {
    }

    private record Entry<V>(int maxSuffix, List<V> values) {
    }

    public static final class Builder<V> {
        /** Per folded phrase, one entry per trailing-letter allowance: {@code court} and {@code court*} each keep their own. */
        private final Map<String, List<Entry<V>>> phrases = new LinkedHashMap<>();

        /** {@code phrase*} allows any number of trailing letters; otherwise none. */
        public Builder<V> add(String phrase, V value) {
            boolean open = phrase.endsWith("*");
            return add(open ? phrase.substring(0, phrase.length() - 1) : phrase, open ? Integer.MAX_VALUE : 0, value);
        }

        public Builder<V> add(String phrase, int maxSuffix, V value) {
            String folded = fold(phrase).text().strip();
            if (!folded.isBlank()) {
                List<Entry<V>> entries = phrases.computeIfAbsent(folded, k -> new ArrayList<>());
                entries.stream().filter(e -> e.maxSuffix() == maxSuffix).findFirst()
                        .orElseGet(() -> {
                            Entry<V> entry = new Entry<>(maxSuffix, new ArrayList<>());
                            entries.add(entry);
                            return entry;
                        })
                        .values().add(value);
            }
            return this;
        }

        public PhraseMatcher<V> build() {
            return new PhraseMatcher<>(new AhoCorasick<>(phrases));
        }
    }

    private final AhoCorasick<List<Entry<V>>> automaton;

    private PhraseMatcher(AhoCorasick<List<Entry<V>>> automaton) {
        this.automaton = automaton;
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    public int size() {
        return automaton.size();
    }

    /** Every match, overlapping ones included. */
    public List<Match<V>> findAll(String text) {
        Folded folded = fold(text);
        return toMatches(folded, boundedHits(folded));
    }

    /** Non-overlapping matches, the longest where two overlap. */
    public List<Match<V>> find(String text) {
        Folded folded = fold(text);
        return toMatches(folded, AhoCorasick.longestNonOverlapping(boundedHits(folded)));
    }

    private List<AhoCorasick.Hit<Entry<V>>> boundedHits(Folded folded) {
        String t = folded.text();
        List<AhoCorasick.Hit<Entry<V>>> kept = new ArrayList<>();
        for (AhoCorasick.Hit<List<Entry<V>>> hit : automaton.search(t)) {
            if (hit.start() > 0 && isWordChar(t.charAt(hit.start())) && isWordChar(t.charAt(hit.start() - 1))) {
                continue;
            }
            // Spellings that end at the same place are one hit, or keeping the longest of overlapping hits would drop all but one.
            Map<Integer, Entry<V>> byEnd = new LinkedHashMap<>();
            for (Entry<V> entry : hit.value()) {
                int end = hit.end();
                int suffix = 0;
                while (end < t.length() && suffix < entry.maxSuffix() && Character.isLetter(t.charAt(end)) && isWordChar(t.charAt(end))) {
                    end++;
                    suffix++;
                }
                if (end < t.length() && isWordChar(t.charAt(end - 1)) && isWordChar(t.charAt(end))) {
                    continue;
                }
                byEnd.computeIfAbsent(end, e -> new Entry<>(entry.maxSuffix(), new ArrayList<>())).values().addAll(entry.values());
            }
            byEnd.forEach((end, entry) -> kept.add(new AhoCorasick.Hit<>(hit.start(), end, entry)));
        }
        return kept;
    }

    private List<Match<V>> toMatches(Folded folded, List<AhoCorasick.Hit<Entry<V>>> hits) {
        List<Match<V>> matches = new ArrayList<>(hits.size());
        for (AhoCorasick.Hit<Entry<V>> hit : hits) {
            int start = folded.origin()[hit.start()];
            int end = folded.origin()[hit.end() - 1] + 1;
            for (V value : hit.value().values()) {
                matches.add(new Match<>(start, end, value));
            }
        }
        return matches;
    }

    /**
     * Letters and digits of scripts written with spaces between words. Han, kana and Hangul are
     * not: a name there is not delimited by spaces.
     */
    static boolean isWordChar(char c) {
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HANGUL
                && script != Character.UnicodeScript.HIRAGANA && script != Character.UnicodeScript.KATAKANA
                && script != Character.UnicodeScript.THAI;
    }

    /** The folded text and, for each of its chars, the index of the original char it came from. */
    record Folded(String text, int[] origin) {
    }

    static Folded fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] origin = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == '\u2010' || c == '\u2011' || c == '\u00a0') {
                // One space for any run, so that "Kim Jong -un" and "Kim Jong-un" fold alike.
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    origin[out.length()] = i;
                    out.append(' ');
                }
                continue;
            }
            origin[out.length()] = i;
            out.append(c == '\u2019' ? '\'' : Character.toLowerCase(c));
        }
        return new Folded(out.toString(), origin);
    }
}
