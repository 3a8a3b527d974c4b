package io.newsflow.query.timeline;

import io.newsflow.web.ProblemException;

import java.time.Duration;
import java.time.Instant;

/** A timeline bucket width. Buckets are aligned to a Monday midnight UTC, so days and weeks start where people expect. */
enum Interval {
    MINUTES_15("15m", Duration.ofMinutes(15)),
    HOUR("1h", Duration.ofHours(1)),
    DAY("1d", Duration.ofDays(1)),
    WEEK("1w", Duration.ofDays(7));

    /** 1970-01-05 was a Monday; every width divides the distance from here to any later midnight. */
    static final Instant ORIGIN = Instant.parse("1970-01-05T00:00:00Z");

    // GDELT's timeline steps: 15-minute buckets up to 72 hours, hourly up to a week, daily beyond.
    private static final Duration FIFTEEN_MINUTES_UP_TO = Duration.ofHours(72);
    private static final Duration HOURLY_UP_TO = Duration.ofDays(7);

    private final String code;
    private final Duration width;

    Interval(String code, Duration width) {
        this.code = code;
        this.width = width;
    }

    String code() {
        return code;
    }

    long seconds() {
        return width.toSeconds();
    }

    /** The parameter's interval; null for {@code auto} (the default), which is chosen once the window is known. */
    static Interval parse(String value) {
        if (value == null || value.trim().equals("auto")) {
            return null;
        }
        for (Interval interval : values()) {
            if (interval.code.equals(value.trim())) {
                return interval;
            }
        }
        throw ProblemException.badParameter("interval", "must be 15m, 1h, 1d, 1w or auto.");
    }

    /** The automatic choice for a window; weekly only when daily buckets would exceed the bound. */
    static Interval auto(Instant from, Instant to, int maxBuckets) {
        Duration window = Duration.between(from, to);
        if (window.compareTo(FIFTEEN_MINUTES_UP_TO) <= 0) {
            return MINUTES_15;
        }
        if (window.compareTo(HOURLY_UP_TO) <= 0) {
            return HOUR;
        }
        return DAY.buckets(from, to) <= maxBuckets ? DAY : WEEK;
    }

    /** The start of the bucket holding {@code instant}. */
    Instant floor(Instant instant) {
        long offset = Duration.between(ORIGIN, instant).toSeconds();
        return ORIGIN.plusSeconds(Math.floorDiv(offset, seconds()) * seconds());
    }

    /** How many buckets cover [from, to). */
    long buckets(Instant from, Instant to) {
        Duration covered = Duration.between(floor(from), to);
        long full = covered.toSeconds() / seconds();
        boolean partial = covered.minusSeconds(full * seconds()).compareTo(Duration.ZERO) > 0;
        return full + (partial ? 1 : 0);
    }
}
