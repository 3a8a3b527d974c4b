package io.newsflow.enrich.entity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every known spelling of every canonical entity: the curated table shipped in
 * {@code aliases.tsv} (leaders, ministers, spokespeople, organizations, agencies, media, capitals;
 * Latin, Cyrillic, Chinese and Hangul spellings), every country's name in many languages from
 * the JDK's locale data, and world cities and regions in Russian and Chinese from the CLDR
 * ({@link CldrPlaceNames}). Lookups fold case, spaces and hyphens; a second, phonetic key catches
 * transliteration variants (Shoigu, Shoygu).
 */
public final class AliasTable {

    /**
     * An alias as it is matched in text; an acronym ("US", "UN") must match in its own case.
     *
     * @param language {@link #CURATED} for the curated table, else the language of the JDK's country name or CLDR's place name
     */
    public record Alias(NamedEntity entity, String spelling, boolean exactCase, String language) {

        public boolean curated() {
            return CURATED.equals(language);
        }
    }

    static final String CURATED = "*";

    static final String RESOURCE = "/io/newsflow/enrich/entity/aliases.tsv";

    /** Languages whose country names are taken from the JDK: the detector's defaults, and Chinese in both scripts. */
    private static final List<Locale> COUNTRY_NAME_LOCALES = Stream.concat(Stream.of("en", "de", "fr", "es", "it", "pt", "nl",
                    "sv", "da", "nb", "fi", "pl", "cs", "ro", "hu", "el", "ru", "uk", "tr", "ar", "fa", "he", "hi", "id", "vi", "th",
                    "ja", "ko").map(Locale::forLanguageTag), Stream.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE))
            .toList();

    private final Map<String, Alias> byFolded = new HashMap<>();
    private final Map<String, NamedEntity> byPhonetic = new HashMap<>();
    private final PhraseMatcher.Builder<Alias> gazetteer = PhraseMatcher.builder();
    private final PhraseMatcher<Alias> matcher;
    private final String version;

    private AliasTable(String curated) {
        for (String line : curated.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                throw new IllegalArgumentException("aliases.tsv: expected TYPE<TAB>canonical name<TAB>aliases: " + line);
            }
            NamedEntity entity = NamedEntity.of(EntityType.valueOf(fields[0].strip()), fields[1].strip());
            add(entity, entity.name(), CURATED);
            if (fields.length > 2) {
                for (String alias : fields[2].split("\\|")) {
                    add(entity, alias.strip(), CURATED);
                }
            }
        }
        for (String country : Locale.getISOCountries()) {
            Locale region = new Locale.Builder().setRegion(country).build();
            NamedEntity entity = NamedEntity.of(EntityType.LOCATION, withoutParentheses(region.getDisplayCountry(Locale.ENGLISH)));
            for (Locale language : COUNTRY_NAME_LOCALES) {
                String name = region.getDisplayCountry(language);
                if (!name.equals(country)) {
                    add(entity, withoutParentheses(name), language.getLanguage());
                }
            }
        }
        // After the countries: a city that shares a country's name (Кувейт, Панама) stays the country.
        for (CldrPlaceNames.PlaceName place : CldrPlaceNames.load()) {
            add(NamedEntity.of(EntityType.LOCATION, place.canonical()), place.spelling(), place.language(), true);
        }
        matcher = gazetteer.build();
        version = sha256(curated + "|jdk " + Runtime.version().feature() + "|" + CldrPlaceNames.version()).substring(0, 12);
    }

    public static AliasTable loadDefault() {
        try (InputStream in = AliasTable.class.getResourceAsStream(RESOURCE)) {
            return new AliasTable(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private void add(NamedEntity entity, String spelling, String language) {
        add(entity, spelling, language, false);
    }

    /**
     * @param place a CLDR place name: in Russian its regular case forms are matched exactly, not any three
     *              letters after its stem, which would read "Вена" into "Венера" or "Рим" into "Римас"
     */
    private void add(NamedEntity entity, String spelling, String language, boolean place) {
        if (spelling.isEmpty()) {
            return;
        }
        boolean exactCase = isAcronym(spelling);
        String folded = PhraseMatcher.fold(spelling).text().strip();
        Alias alias = new Alias(entity, spelling, exactCase, language);
        // The first entity to claim a spelling keeps it: curated rows come before the JDK's names.
        if (byFolded.putIfAbsent(exactCase ? spelling : folded, alias) == null) {
            if (place && inflects(spelling)) {
                CyrillicNameRecognizer.caseForms(spelling).forEach(form -> gazetteer.add(form, 0, alias));
            } else if (inflects(spelling)) {
                gazetteer.add(stem(spelling), 3, alias);
            } else {
                gazetteer.add(spelling, 0, alias);
            }
        }
        String phonetic = phoneticKey(spelling);
        if (phonetic != null) {
            byPhonetic.putIfAbsent(entity.type() + ":" + phonetic, entity);
        }
    }

    /** Russian and Ukrainian names inflect at the end (Путин, Путина, Путиным; Кремль, Кремля); acronyms do not. */
    private static boolean inflects(String spelling) {
        char last = spelling.charAt(spelling.length() - 1);
        return Character.UnicodeScript.of(last) == Character.UnicodeScript.CYRILLIC && !isAcronym(spelling);
    }

    /** The name without a final vowel or soft sign, which the inflected forms replace (Россия → Росси|и, Росси|ю). */
    private static String stem(String spelling) {
        char last = Character.toLowerCase(spelling.charAt(spelling.length() - 1));
        return spelling.length() > 4 && "аяоеьйыиуюё".indexOf(last) >= 0 ? spelling.substring(0, spelling.length() - 1) : spelling;
    }

    /** Acronyms of up to five capitals (US, UN, DPRK, ЕС, ООН): as words they would be "us", "un", "ес(ли)". */
    static boolean isAcronym(String spelling) {
        String letters = spelling.replace(".", "");
        return letters.length() >= 2 && letters.length() <= 5 && letters.chars().allMatch(Character::isUpperCase);
    }

    private static String withoutParentheses(String name) {
        int open = name.indexOf(" (");
        return open > 0 ? name.substring(0, open) : name;
    }

    /** The entity a spelling names, exactly up to case, spaces and hyphens. */
    public Optional<NamedEntity> lookup(String spelling) {
        return lookupAlias(spelling).map(Alias::entity);
    }

    Optional<Alias> lookupAlias(String spelling) {
        Alias exact = byFolded.get(spelling.strip());
        if (exact != null && exact.exactCase()) {
            return Optional.of(exact);
        }
        Alias folded = byFolded.get(PhraseMatcher.fold(spelling).text().strip());
        return folded == null || folded.exactCase() ? Optional.empty() : Optional.of(folded);
    }

    /** The entity of this type whose spelling sounds alike once transliteration habits are undone. */
    public Optional<NamedEntity> lookupPhonetic(String spelling, EntityType type) {
        String key = phoneticKey(spelling);
        return key == null ? Optional.empty() : Optional.ofNullable(byPhonetic.get(type + ":" + key));
    }

    /**
     * A key that is equal for the common romanizations of one Russian, Korean or Chinese name:
     * y/i/j, kh/h, ph/f, w/v, doubled letters, and where words break. Null for non-Latin spellings.
     */
    static String phoneticKey(String spelling) {
        String s = PhraseMatcher.fold(spelling).text().replace(" ", "").replace("'", "");
        if (s.length() < 4 || !s.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return null;
        }
        s = s.replace("kh", "h").replace("ph", "f").replace("ck", "k").replace("w", "v").replace("j", "i").replace("y", "i");
        StringBuilder key = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                key.append(s.charAt(i));
            }
        }
        return key.toString();
    }

    public PhraseMatcher<Alias> matcher() {
        return matcher;
    }

    /** Changes when the curated table, the JDK's locale data or ICU's does: articles enriched before are stale. */
    public String version() {
        return version;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
