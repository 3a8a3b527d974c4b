package io.newsflow.enrich.entity;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the people, organizations and places of a text and links every mention to one canonical
 * entity. The recognizer depends on the detected language: English → CoreNLP's CRF, Chinese → HanLP
 * or, with NEWSFLOW_ENTITY_CHINESE_MODEL=corenlp, CoreNLP's Chinese CRF (and the English CRF for names
 * left in Latin letters), Russian and Ukrainian → capitalization and
 * morphology rules, any other language → the alias table alone. The alias table also runs over
 * every text and adds the names a recognizer missed (DPRK, Кремль, 북한).
 */
@ApplicationScoped
@Startup
public class EntityExtractor {

    /** Raise when the reconciling or linking rules change: articles enriched before are then stale. */
    static final String LINKING_VERSION = "linking-2";

    private final AliasTable aliases;
    private final EnglishRecognizer english;
    private final ChineseRecognizer chinese;
    private final CyrillicNameRecognizer cyrillic = new CyrillicNameRecognizer();

    /** Loads the models now (a few seconds; CoreNLP's Chinese models ~20 s more), not on the first article. */
    @Inject
    public EntityExtractor(EntityConfig config) {
        this(config.chineseModel());
    }

    /** With HanLP for Chinese, the default. */
    public EntityExtractor() {
        this(ChineseModels.HANLP);
    }

    /** With the Chinese model NEWSFLOW_ENTITY_CHINESE_MODEL names: hanlp or corenlp. */
    EntityExtractor(String chineseModel) {
        this(AliasTable.loadDefault(), new EnglishRecognizer(), chineseModel);
    }

    private EntityExtractor(AliasTable aliases, EnglishRecognizer english, String chineseModel) {
        this(aliases, english, chineseModel.equals(ChineseModels.CORENLP)
                ? new ChineseRecognizer(english, new CoreNlpChineseNames(), CoreNlpChineseNames.VERSION)
                : new ChineseRecognizer(english));
    }

    /** With another Chinese recognizer: the NER quality harness compares models through the same linking. */
    EntityExtractor(AliasTable aliases, EnglishRecognizer english, ChineseRecognizer chinese) {
        this.aliases = aliases;
        this.english = english;
        this.chinese = chinese;
    }

    /** What produced the entities, stored with each article so that re-enrichment can find stale ones. */
    public String modelVersion() {
        return EnglishRecognizer.VERSION + ";" + chinese.version() + ";" + CyrillicNameRecognizer.VERSION + ";" + LINKING_VERSION;
    }

    public String aliasVersion() {
        return aliases.version();
    }

    /**
     * Recognized names before linking: the statistical model's, reconciled with the alias table's.
     * An alias that overlaps a model's name and reaches past it wins ("Kim Jong" + "-un"); aliases of
     * the same type that make up most of a model's name replace it ("Kim Jong-un.The" from a missing
     * space, "Kim Jong-un Putin" from a missing comma); an alias where the model found nothing is added.
     * Only the CRF keeps its type against the table; the Chinese and Russian recognizers' names give
     * way, whatever their type, to aliases that reach past them or make up most of them.
     */
    public List<Mention> recognize(String text, String language) {
        List<Mention> recognized = switch (language) {
            case "en" -> english.recognize(text);
            case "zh" -> chinese.recognize(text);
            case "ru", "uk" -> cyrillic.recognize(text);
            default -> List.of();
        };
        // A statistical model may overrule the alias table's type; the capitalization rules and HanLP's
        // role tagging (which calls many a transliterated place a person) may not.
        boolean trusted = language.equals("en");
        List<Mention> known = new ArrayList<>();
        for (PhraseMatcher.Match<AliasTable.Alias> match : aliases.matcher().find(text)) {
            // Another language's name for a country may be a word here ("Man", "Swiss"): only curated spellings and this language's.
            boolean ofThisLanguage = match.value().curated() || match.value().language().equals(language);
            if (ofThisLanguage && spelledAsAName(text, match)) {
                NamedEntity entity = match.value().entity();
                known.add(new Mention(match.start(), match.end(), text.substring(match.start(), match.end()), entity.type(), entity));
            }
        }
        List<Mention> mentions = new ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        for (Mention model : recognized) {
            boolean extended = false;
            int insideLetters = 0;
            for (Mention alias : known) {
                // The rules' types are guesses: any alias may correct them. A model's person stays a person.
                if (alias.overlaps(model.start(), model.end()) && (!trusted || compatible(alias.type(), model.type()))) {
                    if (alias.start() < model.start() || alias.end() > model.end()) {
                        extended = true;
                    } else if (!trusted || alias.type() == model.type()) {
                        insideLetters += alias.letters();
                    }
                }
            }
            // An alias that makes up most of the name replaces it; a longer name keeps its words ("Министерство обороны России").
            if (extended || (insideLetters > 0 && insideLetters * 10 >= model.letters() * 7)) {
                continue;
            }
            mentions.add(model);
            Arrays.fill(taken, model.start(), model.end(), true);
        }
        for (Mention alias : known) {
            if (!isCovered(taken, alias.start(), alias.end())) {
                mentions.add(alias);
                Arrays.fill(taken, alias.start(), alias.end(), true);
            }
        }
        mentions.addAll(repeatedNames(text, mentions, taken));
        mentions.sort(Comparator.comparingInt(Mention::start));
        return mentions;
    }

    /**
     * A name found once is the same name wherever else the text spells it exactly: the model, which
     * sees one line at a time, misses some of the repeats (in a headline, in a list).
     */
    private static List<Mention> repeatedNames(String text, List<Mention> found, boolean[] taken) {
        PhraseMatcher.Builder<Mention> names = PhraseMatcher.builder();
        found.stream().filter(m -> m.letters() >= 2 && !Character.isLowerCase(m.surface().charAt(0)))
                .forEach(m -> names.add(m.surface(), 0, m));
        List<Mention> repeats = new ArrayList<>();
        for (PhraseMatcher.Match<Mention> match : names.build().find(text)) {
            Mention first = match.value();
            if (!isCovered(taken, match.start(), match.end()) && text.startsWith(first.surface(), match.start())) {
                repeats.add(new Mention(match.start(), match.end(), first.surface(), first.type(), first.known()));
                Arrays.fill(taken, match.start(), match.end(), true);
            }
        }
        return repeats;
    }

    private static boolean isCovered(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * An acronym alias in its own case only ("US", not "us"); any other alias, in a script with case,
     * only when capitalized: "china" the porcelain and "turkey" the bird are not places.
     */
    private static boolean spelledAsAName(String text, PhraseMatcher.Match<AliasTable.Alias> match) {
        AliasTable.Alias alias = match.value();
        String surface = text.substring(match.start(), match.end());
        if (alias.exactCase()) {
            return surface.equals(alias.spelling());
        }
        if (alias.entity().type() == EntityType.LOCATION && match.end() < text.length()
                && PEOPLE_AND_LANGUAGE_SUFFIXES.indexOf(text.charAt(match.end())) >= 0) {
            return false;
        }
        return !Character.isLowerCase(surface.charAt(0));
    }

    /** After a place's Chinese or Japanese name these make a word for its people or language: 美国人, 俄语, 韩裔, 日本語. */
    private static final String PEOPLE_AND_LANGUAGE_SUFFIXES = "人语語籍裔族式";

    /** Entities of the text, most mentioned first, each with the offsets of all its mentions. */
    public List<LinkedEntity> extract(String text, String language) {
        return link(recognize(text, language));
    }

    /**
     * Links each mention to a canonical entity: by alias, then by phonetic key, then a lone surname to
     * a person named in full in the same text; what is left becomes an entity named by its cleaned-up
     * spelling. A curated alias may correct the recognizer's type, see {@link #correctsType}.
     */
    List<LinkedEntity> link(List<Mention> mentions) {
        Map<Mention, NamedEntity> linked = new LinkedHashMap<>();
        List<Mention> unresolved = new ArrayList<>();
        for (Mention mention : mentions) {
            Optional<NamedEntity> known = Optional.ofNullable(mention.known())
                    .or(() -> aliases.lookupAlias(mention.surface())
                            .filter(alias -> alias.entity().type() == mention.type() || (alias.curated() && correctsType(alias)))
                            .map(AliasTable.Alias::entity))
                    .filter(entity -> compatible(entity.type(), mention.type()))
                    .or(() -> aliases.lookupPhonetic(mention.surface(), mention.type()));
            if (known.isPresent()) {
                linked.put(mention, known.get());
            } else {
                unresolved.add(mention);
            }
        }
        Map<String, NamedEntity> surnames = new HashMap<>();
        for (Mention mention : unresolved) {
            if (mention.type() == EntityType.PERSON && cleanName(mention.surface()).contains(" ")) {
                NamedEntity person = NamedEntity.of(EntityType.PERSON, cleanName(mention.surface()));
                linked.put(mention, person);
            }
        }
        linked.values().stream().filter(e -> e.type() == EntityType.PERSON).forEach(person ->
                surnames.putIfAbsent(surnameKey(person.name()), person));
        for (Mention mention : unresolved) {
            if (linked.containsKey(mention)) {
                continue;
            }
            String name = cleanName(mention.surface());
            NamedEntity person = mention.type() == EntityType.PERSON ? surnames.get(surnameKey(name)) : null;
            linked.put(mention, person != null ? person : NamedEntity.of(mention.type(), name));
        }
        return LinkedEntity.mergeById(mentions.stream()
                .map(mention -> new LinkedEntity(linked.get(mention), List.of(new int[] {mention.start(), mention.end()})))
                .toList());
    }

    /**
     * A person's name is a person wherever a model places it ("Putin" tagged once as a place); a
     * curated acronym is what it names ("DPRK" is a place: the model calls most runs of capitals
     * organizations). A spelled-out place or organization name keeps the recognizer's type: between
     * the two the model decides from the context ("Russia beat Japan": teams; "the Kremlin said": a
     * government), and on CoNLL++ 12 of the 14 place names the table turned from organizations into places were
     * organizations there.
     */
    private static boolean correctsType(AliasTable.Alias alias) {
        return alias.entity().type() == EntityType.PERSON || alias.exactCase();
    }

    /**
     * The alias table corrects a model's type (it tags "DPRK" an organization, "Putin" once a place),
     * but never turns a person into anything else: the "Washington" a model calls a person is not the capital.
     */
    private static boolean compatible(EntityType alias, EntityType recognized) {
        return alias == EntityType.PERSON || recognized != EntityType.PERSON;
    }

    /** The last word of a Latin-script name, folded: "John Kirby" and "Kirby" share "kirby". */
    private static String surnameKey(String name) {
        String folded = PhraseMatcher.fold(name).text().strip();
        return folded.substring(folded.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
    }

    /** One space between words, none before a hyphen: "Kim Jong -un" → "Kim Jong-un". */
    static String cleanName(String surface) {
        return surface.strip().replaceAll("\\s+", " ").replaceAll(" ?- ?", "-");
    }
}
