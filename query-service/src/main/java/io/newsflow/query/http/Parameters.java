package io.newsflow.query.http;

import io.newsflow.query.error.ProblemException;

import java.util.Locale;
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

    private Parameters() {
    }

    /** A list size: absent means the default; otherwise 1 to {@value #MAX_LIMIT}. */
    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
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
