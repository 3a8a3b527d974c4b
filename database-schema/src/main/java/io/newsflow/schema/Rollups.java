package io.newsflow.schema;

import java.util.List;

/**
 * The rollups' shape as the migrations define it (V4, V9), for the Java code that writes or reads
 * them. {@code SchemaContractTest} checks each constant against the migrated database.
 */
public final class Rollups {

    /** Bucket widths in seconds, finest first: what {@code rollup_grains()} yields. */
    public static final List<Long> GRAIN_SECONDS = List.of(900L, 3_600L, 86_400L);

    /** Dimensions counted per article ({@code article_rollup_key}), entities under their lower-case type. */
    public static final String ARTICLE = "article";
    public static final String LANGUAGE = "language";
    public static final String SOURCE = "source";
    public static final String THEME = "theme";
    public static final List<String> ENTITY_TYPES = List.of("person", "organization", "location");

    /** /stats counters in {@code rollup_total}: events dropped as exact duplicates, articles in a cluster beyond its canonical one. */
    public static final String DUPLICATE = "duplicate";
    public static final String NEAR_DUPLICATE = "near_duplicate";

    /** A source counts under its first this many characters: the longest key the view writes, and query-service accepts. */
    public static final int SOURCE_KEY_CHARS = 500;

    private Rollups() {
    }

    /** The finest grain, in seconds. */
    public static long finestGrain() {
        return GRAIN_SECONDS.get(0);
    }
}
