package io.newsflow.query.time;

import io.newsflow.web.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The half-open interval [from, to) of the {@code from}/{@code to} parameters. Each takes an
 * ISO-8601 instant, a date (UTC; as {@code to} it includes that whole day) or epoch milliseconds.
 * Either end may be open (null).
 */
public record TimeRange(Instant from, Instant to) {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // PostgreSQL's timestamptz covers far more, but dates outside these years are typos, not queries.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    public static TimeRange parse(String from, String to) {
        TimeRange range = new TimeRange(bound("from", from, false), bound("to", to, true));
        if (range.from != null && range.to != null && !range.from.isBefore(range.to)) {
            throw ProblemException.badParameter("from", "must be before 'to'.");
        }
        return range;
    }

    /** The part of [from, to) inside this range (open ends taken as unbounded). */
    public TimeRange clip(Instant from, Instant to) {
        Instant start = this.from != null && this.from.isAfter(from) ? this.from : from;
        Instant end = this.to != null && this.to.isBefore(to) ? this.to : to;
        return new TimeRange(start, end);
    }

    private static Instant bound(String name, String value, boolean end) {
        if (value == null) {
            return null;
        }
        String text = value.trim();
        Instant instant;
        try {
            if (EPOCH_MILLIS.matcher(text).matches()) {
                instant = Instant.ofEpochMilli(Long.parseLong(text));
            } else if (DATE.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                instant = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = Instant.parse(text);
            }
        } catch (DateTimeException e) {
            throw ProblemException.badParameter(name, "must be an ISO-8601 instant (2024-06-20T05:19:00Z), "
                    + "a date (2024-06-20) or epoch milliseconds.");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.badParameter(name, "must lie between the years 1 and 9999.");
        }
        return instant;
    }
}
