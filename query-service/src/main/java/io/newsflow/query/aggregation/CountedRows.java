package io.newsflow.query.aggregation;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.sql.Rows;
import io.newsflow.query.time.TimeRange;
import io.newsflow.schema.Rollups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where the article counts of a ranking or timeline come from: the rollups enrich-service keeps
 * (migrations V4 and V9 of database-schema) for every whole rollup bucket inside the window, the base tables only for the
 * slivers at its ends that no bucket covers, so a count reads a bounded number of rows whatever
 * the corpus size. Rollups hold one dimension at a time: a filter that combines conditions, or a
 * condition with a ranking of another dimension, is counted on the base tables alone, through
 * their (value, event time) indexes.
 */
public final class CountedRows {

    /** Rollup bucket widths in seconds, widest first (rollup_bucket.grain). */
    private static final long[] GRAINS = Rollups.GRAIN_SECONDS.stream().sorted(Comparator.reverseOrder()).mapToLong(Long::longValue).toArray();
    public static final long FINEST_GRAIN = Rollups.finestGrain();
    private static final List<String> ENTITY_TYPES = Rollups.ENTITY_TYPES;

    private CountedRows() {
    }

    /**
     * A statement yielding rows {@code (key, t, n)}: {@code n} matching articles with value {@code key}
     * at time {@code t}, a rollup bucket's start or an article's event time.
     *
     * @param target     what is counted per value; null counts all matching articles under the key ''
     * @param entityType with target ENTITY, only entities of this type (PERSON, ORGANIZATION, LOCATION); else null
     * @param keys       only these values; null for all
     * @param widest     the widest rollup bucket in seconds that may be read; a timeline's buckets must
     *                   each be a whole number of them
     */
    public static NativeSql of(ArticleFilter filter, Dimension target, String entityType, List<String> keys, long widest) {
        NativeSql sql = new NativeSql("SELECT key, t, n FROM (");
        List<String> dims = rollupDims(filter, target, entityType);
        if (dims == null) {
            base(sql, filter, target, entityType, keys, "b0_");
        } else {
            String fixedKey = target == null ? singleCondition(filter) : null;
            if (filter.time().from() == null && filter.time().to() == null) {
                rollup(sql, "rollup_total r", null, null, null, dims, fixedKey, keys, "r0_");
            }
            int index = 0;
            for (Part part : parts(filter.time(), widest)) {
                String prefix = ++index + "_";
                if (index > 1) {
                    sql.append(" UNION ALL ");
                }
                if (part.grain() == null) {
                    base(sql, filter.within(new TimeRange(part.start(), part.end())), target, entityType, keys, "b" + prefix);
                } else {
                    rollup(sql, "rollup_bucket r", part.grain(), part.start(), part.end(), dims, fixedKey, keys, "r" + prefix);
                }
            }
        }
        return sql.append(") counted");
    }

    /**
     * A statement yielding the first and last finest rollup bucket (earliest, latest) holding matching
     * articles, null columns when none does; null when the rollups cannot answer this filter.
     */
    public static NativeSql finestBucketExtent(ArticleFilter filter) {
        List<String> dims = rollupDims(filter, null, null);
        if (dims == null) {
            return null;
        }
        NativeSql sql = new NativeSql("SELECT min(r.bucket) AS earliest, max(r.bucket) AS latest FROM rollup_bucket r"
                + " WHERE r.dim IN (:dims) AND r.grain = :grain AND r.key = :key AND r.articles > 0")
                .bind("dims", dims).bind("grain", (int) FINEST_GRAIN).bind("key", singleCondition(filter));
        if (filter.time().from() != null) {
            sql.append(" AND r.bucket >= :from").bind("from", floor(filter.time().from(), FINEST_GRAIN));
        }
        if (filter.time().to() != null) {
            sql.append(" AND r.bucket < :to").bind("to", filter.time().to());
        }
        return sql;
    }

    /** The rollup dimensions answering this count, or null when only the base tables can. */
    static List<String> rollupDims(ArticleFilter filter, Dimension target, String entityType) {
        if (target != null) {
            if (filter.conditions() > 0) {
                return null;
            }
            if (target != Dimension.ENTITY) {
                return List.of(target.parameterValue());
            }
            return entityType == null ? ENTITY_TYPES : List.of(entityType.toLowerCase(Locale.ROOT));
        }
        if (filter.conditions() == 0) {
            return List.of(Rollups.ARTICLE);
        }
        if (filter.conditions() > 1) {
            return null;
        }
        if (filter.language() != null) {
            return List.of(Rollups.LANGUAGE);
        }
        if (filter.source() != null) {
            return List.of(Rollups.SOURCE);
        }
        if (filter.theme() != null) {
            return List.of(Rollups.THEME);
        }
        String type = filter.entity().substring(0, Math.max(filter.entity().indexOf('/'), 0));
        return ENTITY_TYPES.contains(type) ? List.of(type) : null;
    }

    /** The rollup key that stands for the one condition of an ungrouped count ('' for all articles). */
    private static String singleCondition(ArticleFilter filter) {
        if (filter.language() != null) {
            return filter.language();
        }
        if (filter.source() != null) {
            return filter.source();
        }
        if (filter.theme() != null) {
            return filter.theme();
        }
        return filter.entity() != null ? filter.entity() : "";
    }

    /**
     * A piece of a window: whole rollup buckets of width {@code grain} seconds from {@code start} to
     * {@code end}, or, with grain null, a sliver no bucket covers, counted on the base tables. A null
     * start or end leaves that side open.
     */
    record Part(Long grain, Instant start, Instant end) {
    }

    /**
     * Covers a window with whole rollup buckets, widest first, and base-table slivers where none fits;
     * none for a window open on both ends (the all-time totals answer it).
     */
    static List<Part> parts(TimeRange window, long widest) {
        List<Part> parts = new ArrayList<>();
        if (window.from() != null || window.to() != null) {
            cover(parts, window.from(), window.to(), 0, widest);
        }
        return parts;
    }

    /** Covers [from, to) (either end open) with buckets of GRAINS[level] or finer, at most {@code widest} seconds. */
    private static void cover(List<Part> parts, Instant from, Instant to, int level, long widest) {
        if (level == GRAINS.length) {
            parts.add(new Part(null, from, to));
            return;
        }
        long grain = GRAINS[level];
        Instant start = from == null ? null : ceil(from, grain);
        Instant end = to == null ? null : floor(to, grain);
        if (grain > widest || (start != null && end != null && !start.isBefore(end))) {
            cover(parts, from, to, level + 1, widest);
            return;
        }
        if (from != null && from.isBefore(start)) {
            cover(parts, from, start, level + 1, widest);
        }
        parts.add(new Part(grain, start, end));
        if (to != null && end.isBefore(to)) {
            cover(parts, end, to, level + 1, widest);
        }
    }

    private static Instant ceil(Instant instant, long grain) {
        Instant floor = floor(instant, grain);
        return floor.equals(instant) ? floor : floor.plusSeconds(grain);
    }

    static Instant floor(Instant instant, long grain) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), grain) * grain);
    }

    private static void rollup(NativeSql sql, String table, Long grain, Instant start, Instant end, List<String> dims,
                               String fixedKey, List<String> keys, String prefix) {
        sql.append("SELECT r.key AS key, " + (grain == null ? "CAST(NULL AS timestamptz)" : "r.bucket") + " AS t, r.articles AS n FROM "
                + table + " WHERE r.dim IN (:" + prefix + "dims)").bind(prefix + "dims", dims);
        if (grain != null) {
            sql.append(" AND r.grain = :" + prefix + "grain").bind(prefix + "grain", grain.intValue());
        }
        if (start != null) {
            sql.append(" AND r.bucket >= :" + prefix + "start").bind(prefix + "start", start);
        }
        if (end != null) {
            sql.append(" AND r.bucket < :" + prefix + "end").bind(prefix + "end", end);
        }
        if (fixedKey != null) {
            sql.append(" AND r.key = :" + prefix + "key").bind(prefix + "key", fixedKey);
        }
        if (keys != null) {
            sql.append(" AND r.key IN (:" + prefix + "keys)").bind(prefix + "keys", keys);
        }
    }

    static void base(NativeSql sql, ArticleFilter filter, Dimension target, String entityType, List<String> keys, String prefix) {
        Rows rows = target == null ? Rows.ARTICLES : target.rows();
        String key = target == null ? "''" : target.key();
        sql.append("SELECT " + key + " AS key, " + rows.eventTime() + " AS t, 1 AS n FROM " + rows.table() + " WHERE " + key
                + " IS NOT NULL");
        if (entityType != null) {
            sql.append(" AND g.entity_type = :" + prefix + "type").bind(prefix + "type", entityType);
        }
        if (keys != null) {
            sql.append(" AND " + key + " IN (:" + prefix + "keys)").bind(prefix + "keys", keys);
        }
        filter.appendTo(sql, rows, prefix);
    }
}
