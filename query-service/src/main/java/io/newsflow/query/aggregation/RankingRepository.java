package io.newsflow.query.aggregation;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.time.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.persistence.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Rankings: the values of a dimension with most matching articles in a window.
 *
 * <p>Summing every value's rollup rows over a window reads values × buckets rows: 20,000 entities
 * over 30 daily buckets is 600,000 rows for ten names. A window is instead answered as a distributed
 * top-k (the three-phase uniform threshold algorithm, Cao and Wang, PODC 2004), with each rollup
 * bucket a list sorted by count (index {@code rollup_bucket_rank_idx}):
 * <ol>
 * <li>each bucket's {@code limit} largest rows, plus the exact counts of the base-table slivers at the
 *     window's ends, give every value seen a lower bound; τ1 is the {@code limit}-th largest, and no
 *     row a bucket did not return counts more than the last one it did;</li>
 * <li>τ1 is split over each dimension's buckets in proportion to those last counts; a bucket whose
 *     share is below its last count returns every row at or above the share. A value no bucket
 *     returned then counts less than τ1 in all (a value counts under one dimension only);</li>
 * <li>values whose upper bound (lower bound plus what the buckets that did not return them can
 *     still hold) reaches the new {@code limit}-th lower bound τ2 are the only ones that can rank;
 *     those not yet exact are counted exactly by key.</li>
 * </ol>
 * The answer is exact, equal to summing every row; only the rows read shrink, the more so the more
 * skewed the counts are, as news mentions are. The phases read one snapshot (a read-only
 * REPEATABLE READ transaction of their own): under READ COMMITTED a commit between two phases
 * would change the rows the bounds of the first one were taken from. Rankings the rollups cannot answer (combined filters)
 * and those with too few values to prune are summed plainly.
 */
@ApplicationScoped
public class RankingRepository {

    /** A value and its number of matching articles. */
    public record Ranked(String key, long articles) {
    }

    /**
     * More uncertain candidates than this and the plain sum is cheaper than counting them by key; it
     * also keeps the statement's bind parameters (the keys once per part of the window, at most seven
     * parts) far below PostgreSQL's limit of 32,767.
     */
    private static final int MAX_CANDIDATES = 1_000;

    private static final Comparator<Ranked> ORDER = Comparator.comparingLong(Ranked::articles).reversed().thenComparing(Ranked::key);

    private final EntityManager entityManager;

    public RankingRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The {@code limit} values of {@code target} with most matching articles, most first, ties by value.
     *
     * @param entityType with target ENTITY, only entities of this type; else null
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Ranked> top(ArticleFilter filter, Dimension target, String entityType, int limit) {
        entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
        List<String> dims = CountedRows.rollupDims(filter, target, entityType);
        List<CountedRows.Part> parts = CountedRows.parts(filter.time(), Long.MAX_VALUE);
        if (dims == null || parts.stream().noneMatch(p -> p.grain() != null)) {
            return plain(filter, target, entityType, limit);
        }
        Lists lists = new Lists(limit);
        read(firstPhase(filter, target, entityType, dims, parts, limit), lists);
        long tau1 = lists.afterFirstPhase();
        if (tau1 <= 0) {
            return plain(filter, target, entityType, limit);
        }
        Map<String, Long> floors = lists.floors(tau1);
        if (!floors.isEmpty()) {
            read(secondPhase(floors), lists);
        }
        Map<String, long[]> bounds = lists.bounds();
        long tau2 = kth(bounds.values().stream().mapToLong(b -> b[0]).toArray(), limit);
        List<Ranked> candidates = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        bounds.forEach((key, b) -> {
            if (b[1] >= tau2) {
                if (b[1] > b[0]) {
                    uncertain.add(key);
                } else {
                    candidates.add(new Ranked(key, b[0]));
                }
            }
        });
        if (uncertain.size() > MAX_CANDIDATES) {
            return plain(filter, target, entityType, limit);
        }
        if (!uncertain.isEmpty()) {
            candidates.addAll(list(CountedRows.of(filter, target, entityType, uncertain, Long.MAX_VALUE)
                    .wrap("SELECT key, CAST(sum(n) AS bigint) AS articles FROM (", ") exact GROUP BY key")));
        }
        return candidates.stream().filter(r -> r.articles() > 0).sorted(ORDER).limit(limit).toList();
    }

    /** Sums every counted row: for what the rollups cannot answer, and for small rankings. */
    private List<Ranked> plain(ArticleFilter filter, Dimension target, String entityType, int limit) {
        return list(CountedRows.of(filter, target, entityType, null, Long.MAX_VALUE)
                .wrap("SELECT key, CAST(sum(n) AS bigint) AS articles FROM (",
                        ") ranked GROUP BY key HAVING sum(n) > 0 ORDER BY articles DESC, key LIMIT :limit")
                .bind("limit", limit));
    }

    /**
     * Rows (list, key, articles): every bucket's {@code limit} largest counts, under list
     * "dim grain epoch", and every value's count in the slivers, under list "".
     */
    private static NativeSql firstPhase(ArticleFilter filter, Dimension target, String entityType, List<String> dims,
                                        List<CountedRows.Part> parts, int limit) {
        NativeSql sql = new NativeSql("SELECT list, key, CAST(articles AS bigint) AS articles FROM (");
        int index = 0;
        for (CountedRows.Part part : parts) {
            String p = "p" + ++index + "_";
            if (index > 1) {
                sql.append(" UNION ALL ");
            }
            if (part.grain() == null) {
                sql.append("SELECT '' AS list, key, sum(n) AS articles FROM (");
                CountedRows.base(sql, filter.within(new TimeRange(part.start(), part.end())), target,
                        entityType, null, "b" + p);
                sql.append(") sliver GROUP BY key");
                continue;
            }
            // The buckets run from the part's start to its end; an open side ends at the dimension's first or last bucket.
            String bounds = " FROM rollup_bucket e WHERE e.dim = d.dim AND e.grain = :" + p + "grain)";
            sql.append("SELECT d.dim || ' ' || :" + p + "grain || ' ' || CAST(extract(epoch FROM b.bucket) AS bigint) AS list,"
                    + " t.key, t.articles FROM unnest(string_to_array(:" + p + "dims, ',')) AS d (dim)"
                    + " CROSS JOIN LATERAL generate_series("
                    + (part.start() == null ? "(SELECT min(e.bucket)" + bounds : "CAST(:" + p + "start AS timestamptz)") + ", "
                    + (part.end() == null ? "(SELECT max(e.bucket)" + bounds
                            : "CAST(:" + p + "end AS timestamptz) - make_interval(secs => :" + p + "grain)")
                    + ", make_interval(secs => :" + p + "grain)) AS b (bucket)"
                    + " CROSS JOIN LATERAL (SELECT r.key, r.articles FROM rollup_bucket r"
                    + " WHERE r.dim = d.dim AND r.grain = :" + p + "grain AND r.bucket = b.bucket"
                    + " ORDER BY r.articles DESC LIMIT :" + p + "limit) t")
                    .bind(p + "dims", String.join(",", dims)).bind(p + "grain", part.grain().intValue()).bind(p + "limit", limit);
            if (part.start() != null) {
                sql.bind(p + "start", part.start());
            }
            if (part.end() != null) {
                sql.bind(p + "end", part.end());
            }
        }
        return sql.append(") first_phase");
    }

    /** Rows (list, key, articles): every row of each bucket at or above the bucket's floor. */
    private static NativeSql secondPhase(Map<String, Long> floors) {
        StringJoiner dims = new StringJoiner(",");
        StringJoiner grains = new StringJoiner(",");
        StringJoiner epochs = new StringJoiner(",");
        StringJoiner minimums = new StringJoiner(",");
        floors.forEach((list, floor) -> {
            String[] parts = list.split(" ");
            dims.add(parts[0]);
            grains.add(parts[1]);
            epochs.add(parts[2]);
            minimums.add(Long.toString(floor));
        });
        return new NativeSql("SELECT l.dim || ' ' || l.grain || ' ' || l.epoch AS list, r.key, CAST(r.articles AS bigint) AS articles"
                + " FROM unnest(string_to_array(:dims, ','), CAST(string_to_array(:grains, ',') AS integer[]),"
                + " CAST(string_to_array(:epochs, ',') AS bigint[]), CAST(string_to_array(:floors, ',') AS bigint[]))"
                + " AS l (dim, grain, epoch, floor)"
                + " CROSS JOIN LATERAL (SELECT r.key, r.articles FROM rollup_bucket r WHERE r.dim = l.dim AND r.grain = l.grain"
                + " AND r.bucket = to_timestamp(l.epoch) AND r.articles >= l.floor) r")
                .bind("dims", dims.toString()).bind("grains", grains.toString()).bind("epochs", epochs.toString())
                .bind("floors", minimums.toString());
    }

    private void read(NativeSql sql, Lists lists) {
        for (Tuple t : sql.list(entityManager)) {
            lists.add(t.get("list", String.class), t.get("key", String.class), t.get("articles", Long.class));
        }
    }

    private List<Ranked> list(NativeSql sql) {
        return sql.list(entityManager).stream().map(t -> new Ranked(t.get("key", String.class), t.get("articles", Long.class))).toList();
    }

    /** The k-th largest value, 0 when there are fewer than k. */
    private static long kth(long[] values, int k) {
        if (values.length < k) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }

    /**
     * What the phases have read. A bucket list is named "dim grain epoch"; the slivers are list "", every
     * value of which is known. A value counts under one dimension only (an entity id carries its type),
     * so a value's unread rows can only be in the buckets of its own dimension.
     */
    private static final class Lists {
        private final Map<String, Map<String, Long>> known = new LinkedHashMap<>();
        /** Per bucket, how much at most each unread row counts; 0 once the bucket was read to its end. */
        private final Map<String, Long> unread = new HashMap<>();
        private final int limit;

        Lists(int limit) {
            this.limit = limit;
        }

        void add(String list, String key, long articles) {
            Map<String, Long> rows = known.computeIfAbsent(list, l -> new HashMap<>());
            if (list.isEmpty()) {
                // The window's two slivers share this list.
                rows.merge(key, articles, Long::sum);
            } else {
                // The second phase reads again rows the first one did.
                rows.put(key, articles);
            }
        }

        /** After the first phase: each bucket's bound, and tau1, the limit-th largest lower bound. */
        long afterFirstPhase() {
            known.forEach((list, rows) -> {
                if (!list.isEmpty()) {
                    // No unread row holds more than the smallest count read; a bucket with fewer rows than the
                    // limit was read to its end.
                    long last = rows.values().stream().mapToLong(Long::longValue).min().orElse(0);
                    unread.put(list, rows.size() < limit ? 0 : Math.max(last, 0));
                }
            });
            Map<String, Long> lower = new HashMap<>();
            known.values().forEach(rows -> rows.forEach((key, n) -> lower.merge(key, n, Long::sum)));
            return kth(lower.values().stream().filter(n -> n > 0).mapToLong(Long::longValue).toArray(), limit);
        }

        /**
         * Splits tau over each dimension's buckets in proportion to their bounds; a bucket whose share
         * (rounded up) is below its bound is read down to it. Afterwards the unread rows of one
         * dimension's buckets sum to less than tau, so a value never read counts less than tau.
         *
         * @return the buckets to read, with the smallest count to read down to
         */
        Map<String, Long> floors(long tau) {
            Map<String, Long> weights = new HashMap<>();
            unread.forEach((list, bound) -> weights.merge(dim(list), bound, Long::sum));
            Map<String, Long> floors = new LinkedHashMap<>();
            unread.forEach((list, bound) -> {
                if (bound > 0) {
                    long floor = Math.max((long) Math.ceil(tau * ((double) bound / weights.get(dim(list)))), 1);
                    if (floor <= bound) {
                        floors.put(list, floor);
                        unread.put(list, floor - 1);
                    }
                }
            });
            return floors;
        }

        /** Per value {lower bound, upper bound} on its count over the window. */
        Map<String, long[]> bounds() {
            Map<String, Long> slack = new HashMap<>();
            unread.forEach((list, bound) -> slack.merge(dim(list), bound, Long::sum));
            long widest = slack.values().stream().mapToLong(Long::longValue).max().orElse(0);
            Map<String, long[]> bounds = new HashMap<>();
            Map<String, String> dims = new HashMap<>();
            known.forEach((list, rows) -> rows.forEach((key, n) -> {
                long[] b = bounds.computeIfAbsent(key, k -> new long[2]);
                b[0] += n;
                b[1] += n - (list.isEmpty() ? 0 : unread.get(list));
                if (!list.isEmpty()) {
                    dims.put(key, dim(list));
                }
            }));
            // Seen only in the slivers: its dimension is unknown, so the widest slack bounds it.
            bounds.forEach((key, b) -> b[1] += dims.containsKey(key) ? slack.get(dims.get(key)) : widest);
            return bounds;
        }

        private static String dim(String list) {
            return list.substring(0, list.indexOf(' '));
        }
    }
}
