package io.newsflow.settings;

import io.quarkus.runtime.configuration.DurationConverter;
import org.eclipse.microprofile.config.spi.Converter;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Numbers, durations and switches read strictly, with a refusal that says what is expected. SmallRye's own
 * converters answer {@code SRCFG00029: Expected an integer value}, and read any word they do not know
 * as {@code false}: {@code NEWSFLOW_INBOX_MARKER_MODE=ture} would silently take files without their
 * marker. Registered above Quarkus' converters (priority 200), for every service's settings alike.
 */
final class PlainValueConverters {

    static final int PRIORITY = 300;

    private static final Set<String> TRUE = Set.of("true", "yes", "on", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "off", "0");

    private PlainValueConverters() {
    }

    static Converter<Integer> integers() {
        return value -> blank(value) ? null : whole(value, Integer::valueOf, "a whole number such as 4");
    }

    static Converter<Long> longs() {
        return value -> blank(value) ? null : whole(value, Long::valueOf, "a whole number such as 4");
    }

    static Converter<Double> doubles() {
        return value -> {
            if (blank(value)) {
                return null;
            }
            try {
                double number = Double.parseDouble(value.strip());
                if (Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // refused below, with what is expected
            }
            throw new IllegalArgumentException("must be a number such as 0.8");
        };
    }

    /** Quarkus' reading ({@code 2s}, {@code 500ms}, {@code PT2S}, a bare number of seconds), refused in the words the range checks use. */
    static Converter<Duration> durations() {
        DurationConverter quarkus = new DurationConverter();
        return value -> {
            try {
                return quarkus.convert(value);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("must be a duration such as 2s, 500ms or PT2S");
            }
        };
    }

    static Converter<Boolean> booleans() {
        return value -> {
            if (blank(value)) {
                return null;
            }
            String word = value.strip().toLowerCase(Locale.ROOT);
            if (TRUE.contains(word)) {
                return Boolean.TRUE;
            }
            if (FALSE.contains(word)) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("must be true or false");
        };
    }

    private static boolean blank(String value) {
        return value.isBlank();
    }

    private static <T> T whole(String value, Function<String, T> parse, String form) {
        String text = value.strip();
        try {
            return parse.apply(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text.matches("[+-]?\\d+") ? "must be " + form + ", and " + text + " is too large" : "must be " + form);
        }
    }
}
