package io.newsflow.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Publication dates in the spellings news files use, in English and in the article's own language
 * ({@link LocalizedDates}: "20 июня 2024", "2024年6月20日 09:15", "2024년 6월 20일", "20. Juni 2024",
 * "20 de junio de 2024"…). A date without a zone is read in the configured default zone (UTC unless
 * the operator says otherwise).
 */
public final class PublishedDates {

    /** Zoned or offset forms: the text says which instant it is. */
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ISO_ZONED_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME);

    /** Local forms: the zone comes from configuration. */
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            caseless("MMM d, yyyy hh:mm a"),
            caseless("MMM d, yyyy h:mm a"),
            caseless("MMMM d, yyyy hh:mm a"),
            caseless("MMMM d, yyyy h:mm a"),
            caseless("MMM d, yyyy HH:mm"),
            caseless("MMMM d, yyyy HH:mm"),
            caseless("d MMM yyyy HH:mm"),
            caseless("d MMMM yyyy HH:mm"),
            caseless("yyyy-MM-dd HH:mm[:ss]"),
            caseless("yyyy/MM/dd HH:mm[:ss]"),
            caseless("yyyy.MM.dd HH:mm[:ss]"),
            caseless("yyyy年M月d日 HH:mm[:ss]"),
            caseless("yyyy年M月d日HH:mm[:ss]"));

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            caseless("MMM d, yyyy"),
            caseless("MMMM d, yyyy"),
            caseless("d MMM yyyy"),
            caseless("d MMMM yyyy"),
            caseless("yyyy/MM/dd"),
            caseless("yyyy.MM.dd"),
            caseless("yyyy年M月d日"));

    private final ZoneId defaultZone;

    public PublishedDates(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
    }

    public Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter format : ZONED) {
            Optional<TemporalAccessor> parsed = tryParse(value, format);
            if (parsed.isPresent()) {
                return Optional.of(Instant.from(parsed.get()));
            }
        }
        for (DateTimeFormatter format : LOCAL) {
            Optional<TemporalAccessor> parsed = tryParse(value, format);
            if (parsed.isPresent()) {
                return Optional.of(LocalDateTime.from(parsed.get()).atZone(defaultZone).toInstant());
            }
        }
        for (DateTimeFormatter format : DATES) {
            Optional<TemporalAccessor> parsed = tryParse(value, format);
            if (parsed.isPresent()) {
                return Optional.of(LocalDate.from(parsed.get()).atStartOfDay(defaultZone).toInstant());
            }
        }
        return LocalizedDates.parse(value, defaultZone).or(() -> epochMillis(value));
    }

    private static Optional<Instant> epochMillis(String value) {
        if (value.matches("\\d{12,14}")) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(value)));
        }
        return Optional.empty();
    }

    private static Optional<TemporalAccessor> tryParse(String value, DateTimeFormatter format) {
        try {
            return Optional.of(format.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DateTimeFormatter caseless(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
    }
}
