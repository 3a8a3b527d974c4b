package io.newsflow.enrich.theme;

import io.newsflow.enrich.entity.PhraseMatcher;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a text against the theme taxonomy: one Aho-Corasick pass per text over the phrases of its
 * language (every language's phrases when the taxonomy has none for it). The taxonomy is read once,
 * at start, from {@code NEWSFLOW_THEMES_FILE} or the shipped default; a file that cannot be read
 * or parsed stops the start, rather than enriching without themes.
 */
@ApplicationScoped
@Startup
public class ThemeScorer {

    private static final Logger LOG = Logger.getLogger(ThemeScorer.class);
    private static final String ANY_LANGUAGE = "*";

    /** 2: overlapping phrases of one theme count at the heaviest one's weight, not the longest one's. */
    static final String RULES_REVISION = "r2";

    private static final String SEPARATOR = "[\\s\\-\\u2010\\u2011\\u00a0]+";

    /**
     * @param entry the phrase as the taxonomy spells it: which hits are the same phrase again
     * @param rest  what must follow the phrase's first word when a word before its last one ends in {@code *}
     *             ({@code мирн* переговор*}, {@code restriktive* maßnahmen}): the matcher finds the first
     *             word, this checks the others; null for every other phrase
     */
    private record Phrase(String code, String entry, double weight, boolean exclusion, Pattern rest) {
    }

    private final ThemeTaxonomy taxonomy;
    private final Map<String, PhraseMatcher<Phrase>> byLanguage = new HashMap<>();
    private final Map<String, ThemeTaxonomy.Theme> themes = new LinkedHashMap<>();

    @Inject
    public ThemeScorer(ThemeConfig config) {
        this(config.file().map(ThemeTaxonomy::load).orElseGet(ThemeTaxonomy::loadDefault));
        LOG.infof("theme taxonomy %s: %d themes from %s", taxonomy.version(), themes.size(),
                config.file().map(Object::toString).orElse("the built-in default"));
    }

    public ThemeScorer(ThemeTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        Map<String, PhraseMatcher.Builder<Phrase>> builders = new HashMap<>();
        for (ThemeTaxonomy.Theme theme : taxonomy.themes()) {
            themes.put(theme.code(), theme);
            addAll(builders, theme.code(), theme.phrases(), false);
            if (theme.exclude() != null) {
                addAll(builders, theme.code(), theme.exclude(), true);
            }
        }
        builders.forEach((language, builder) -> byLanguage.put(language, builder.build()));
    }

    private static void addAll(Map<String, PhraseMatcher.Builder<Phrase>> builders, String code, Map<String, List<String>> phrases, boolean exclusion) {
        phrases.forEach((language, list) -> {
            for (String entry : list) {
                int eq = entry.lastIndexOf('=');
                double weight = eq > 0 ? Double.parseDouble(entry.substring(eq + 1)) : 1.0;
                String phrase = (eq > 0 ? entry.substring(0, eq) : entry).strip();
                String[] words = phrase.split("\\s+");
                boolean innerWildcard = Arrays.stream(words, 0, words.length - 1).anyMatch(w -> w.endsWith("*"));
                Phrase value = new Phrase(code, phrase, weight, exclusion, innerWildcard ? rest(words) : null);
                String matched = innerWildcard ? words[0] : phrase;
                builders.computeIfAbsent(language, l -> PhraseMatcher.builder()).add(matched, value);
                builders.computeIfAbsent(ANY_LANGUAGE, l -> PhraseMatcher.builder()).add(matched, value);
            }
        });
    }

    /** The words after the first, each after spaces or hyphens, {@code *} allowing more letters, ending on a word's end. */
    private static Pattern rest(String[] words) {
        StringBuilder regex = new StringBuilder();
        for (int i = 1; i < words.length; i++) {
            boolean open = words[i].endsWith("*");
            regex.append(SEPARATOR).append(Pattern.quote(open ? words[i].substring(0, words[i].length() - 1) : words[i]))
                    .append(open ? "\\p{L}*" : "");
        }
        return Pattern.compile(regex.append("(?![\\p{L}\\p{N}])").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The match, extended over the rest of its phrase; null when the rest does not follow. */
    private static PhraseMatcher.Match<Phrase> complete(PhraseMatcher.Match<Phrase> match, String text) {
        if (match.value().rest() == null) {
            return match;
        }
        Matcher rest = match.value().rest().matcher(text).region(match.end(), text.length());
        return rest.lookingAt() ? new PhraseMatcher.Match<>(match.start(), rest.end(), match.value()) : null;
    }

    /**
     * The taxonomy's version and the revision of the scoring rules below: a change of either re-themes stored
     * articles on re-enrichment ({@code scope=stale}), an edit of the file as much as a fix of how it is read.
     */
    public String version() {
        return taxonomy.version() + ";" + RULES_REVISION;
    }

    /**
     * The themes whose score reaches both their minimum and their share of the best theme's score, highest
     * score first. A phrase in the lead (the first {@code leadChars} characters: title and first lines)
     * weighs {@code leadWeight} times as much: what an article is about is said at its start. A text no longer
     * than the lead needs only {@code shortTextMinScore}. Every theme but the best needs {@code secondaryMinPhrases}
     * different phrases.
     */
    public List<ThemeScore> score(String text, String language) {
        PhraseMatcher<Phrase> matcher = byLanguage.getOrDefault(language, byLanguage.get(ANY_LANGUAGE));
        Map<String, List<PhraseMatcher.Match<Phrase>>> hits = new LinkedHashMap<>();
        Map<String, List<PhraseMatcher.Match<Phrase>>> exclusions = new HashMap<>();
        for (PhraseMatcher.Match<Phrase> found : matcher.findAll(text)) {
            PhraseMatcher.Match<Phrase> match = complete(found, text);
            if (match == null) {
                continue;
            }
            (match.value().exclusion() ? exclusions : hits).computeIfAbsent(match.value().code(), c -> new ArrayList<>()).add(match);
        }
        boolean shortText = text.length() <= taxonomy.leadChars();
        List<ThemeScore> candidates = new ArrayList<>();
        Map<String, Integer> distinctPhrases = new HashMap<>();
        hits.forEach((code, matches) -> {
            List<PhraseMatcher.Match<Phrase>> excluded = exclusions.getOrDefault(code, List.of());
            List<int[]> offsets = new ArrayList<>();
            Set<String> distinct = new HashSet<>();
            double sum = 0;
            double counted = 0;
            int coveredUntil = -1;
            matches.sort(Comparator.comparingInt((PhraseMatcher.Match<Phrase> m) -> m.start()).thenComparing(m -> -m.end()));
            for (PhraseMatcher.Match<Phrase> match : matches) {
                if (excluded.stream().anyMatch(x -> x.start() < match.end() && match.start() < x.end())) {
                    continue;
                }
                double weight = match.value().weight() * (match.start() < taxonomy.leadChars() ? taxonomy.leadWeight() : 1.0);
                // Overlapping phrases of one theme ("intelligence agencies", "intelligence") count once, at the
                // weight of the heaviest: a longer phrase listed with a lower weight must not hide a heavier one.
                if (match.start() < coveredUntil) {
                    if (weight > counted) {
                        sum += weight - counted;
                        counted = weight;
                    }
                    continue;
                }
                sum += weight;
                counted = weight;
                offsets.add(new int[] {match.start(), match.end()});
                distinct.add(match.value().entry());
                coveredUntil = match.end();
            }
            distinctPhrases.put(code, distinct.size());
            ThemeTaxonomy.Theme theme = themes.get(code);
            double score = sum * (theme.weight() == null ? 1.0 : theme.weight());
            double min = theme.minScore() != null ? theme.minScore() : shortText ? taxonomy.shortTextMinScore() : taxonomy.defaultMinScore();
            if (score >= min && !offsets.isEmpty()) {
                candidates.add(new ThemeScore(code, score, List.copyOf(offsets)));
            }
        });
        double best = candidates.stream().mapToDouble(ThemeScore::score).max().orElse(0);
        List<ThemeScore> scores = new ArrayList<>();
        for (ThemeScore candidate : candidates) {
            ThemeTaxonomy.Theme theme = themes.get(candidate.code());
            double minShare = theme.minShare() == null ? taxonomy.defaultMinShare() : theme.minShare();
            // A theme beside the main one that rests on one word said again ("law", "court") is a passing topic.
            boolean main = candidate.score() == best;
            if (candidate.score() >= minShare * best && (main || distinctPhrases.get(candidate.code()) >= taxonomy.secondaryMinPhrases())) {
                scores.add(candidate);
            }
        }
        scores.sort(Comparator.comparingDouble(ThemeScore::score).reversed());
        return scores;
    }
}
