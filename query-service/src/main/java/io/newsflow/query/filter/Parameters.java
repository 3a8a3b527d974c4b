package io.newsflow.query.filter;

import io.newsflow.web.ProblemException;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses query parameters taken as plain strings, so a malformed value becomes a problem+json 400
 * naming the parameter instead of a framework conversion error.
 */
public final class Parameters {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;
    /** Longer values are abuse or mistakes; they would only cost the database time. */
    static final int MAX_TEXT_LENGTH = 500;

    // ISO 639-1 codes, plus three-letter 639-2/3 codes such as "und" for text whose language is unknown.
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    // Taxonomy codes in GDELT's style, e.g. ARMEDCONFLICT.
    private static final Pattern THEME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    // "<type>/<slug>" as enrich-service writes them; slugs keep letters of every script.
    private static final Pattern ENTITY = Pattern.compile("(person|organization|location)/[^/\\s]{1,180}");
    private static final Set<String> ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");

    private Parameters() {
    }

    /** A list size: absent means the default; otherwise 1 to {@value #MAX_LIMIT}. */
    public static int limit(String value) {
        return limit(value, DEFAULT_LIMIT);
    }

    /** A list size with another default than {@value #DEFAULT_LIMIT}. */
    public static int limit(String value, int defaultLimit) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same wording as an out-of-range number
        }
        throw ProblemException.badParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT + ".");
    }

    /** A language code, case-insensitive; null when absent. */
    public static String language(String value) {
        if (value == null) {
            return null;
        }
        String code = value.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(code).matches()) {
            throw ProblemException.badParameter("language", "must be an ISO 639-1 language code such as 'en'.");
        }
        return code;
    }

    /** A theme code, case-insensitive; null when absent. */
    public static String theme(String value) {
        if (value == null) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!THEME.matcher(code).matches()) {
            throw ProblemException.badParameter("theme", "must be a theme code such as 'ARMEDCONFLICT'.");
        }
        return code;
    }

    /** An entity id such as {@code person/vladimir-putin}; null when absent. */
    public static String entity(String value) {
        if (value == null) {
            return null;
        }
        String id = value.trim();
        if (!isEntityId(id)) {
            throw ProblemException.badParameter("entity", "must be an entity id such as 'person/vladimir-putin'.");
        }
        return id;
    }

    public static boolean isEntityId(String value) {
        return ENTITY.matcher(value).matches();
    }

    /** PERSON, ORGANIZATION or LOCATION, case-insensitive; null when absent. */
    public static String entityType(String value) {
        if (value == null) {
            return null;
        }
        String type = value.trim().toUpperCase(Locale.ROOT);
        if (!ENTITY_TYPES.contains(type)) {
            throw ProblemException.badParameter("type", "must be PERSON, ORGANIZATION or LOCATION.");
        }
        return type;
    }

    /** Free text such as a search or a source name; null when absent (the framework also passes an empty value as absent). */
    public static String text(String name, String value) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        if (text.isEmpty()) {
            throw ProblemException.badParameter(name, "must not be blank.");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw ProblemException.badParameter(name, "must be at most " + MAX_TEXT_LENGTH + " characters.");
        }
        return text;
    }
}
