package io.newsflow.query.timeline;

import io.newsflow.query.aggregation.CountedRows;
import io.newsflow.query.aggregation.RankingRepository;
import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.sql.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class TimelineRepository {

    /** Earliest and latest event time of the matching articles. */
    record Extent(Instant earliest, Instant latest) {
    }

    /** Articles of one key in one bucket; bucket counts widths since {@link Interval#ORIGIN}. */
    record Count(String key, long bucket, long articles, long total) {
    }

    private final EntityManager entityManager;
    private final RankingRepository rankings;

    public TimelineRepository(EntityManager entityManager, RankingRepository rankings) {
        this.entityManager = entityManager;
        this.rankings = rankings;
    }

    /** Null when no article matches. */
    Extent extent(ArticleFilter filter) {
        NativeSql buckets = CountedRows.finestBucketExtent(filter);
        if (buckets == null) {
            return articleExtent(filter);
        }
        // The rollups tell the first and last bucket with a match; the articles only within those two.
        Tuple t = buckets.list(entityManager).get(0);
        Instant first = t.get("earliest", Instant.class);
        if (first == null) {
            return null;
        }
        Instant last = t.get("latest", Instant.class);
        long width = CountedRows.FINEST_GRAIN;
        Extent head = articleExtent(filter.within(filter.time().clip(first, first.plusSeconds(width))));
        Extent tail = articleExtent(filter.within(filter.time().clip(last, last.plusSeconds(width))));
        // A bound inside a bucket can leave its matches outside the window: then the articles decide.
        return head == null || tail == null ? articleExtent(filter) : new Extent(head.earliest(), tail.latest());
    }

    private Extent articleExtent(ArticleFilter filter) {
        NativeSql sql = new NativeSql("SELECT min(a.event_time) AS earliest, max(a.event_time) AS latest FROM article a WHERE true");
        filter.appendTo(sql, Rows.ARTICLES);
        Tuple t = sql.list(entityManager).get(0);
        Instant earliest = t.get("earliest", Instant.class);
        return earliest == null ? null : new Extent(earliest, t.get("latest", Instant.class));
    }

    /** Non-empty buckets of all matching articles; the filter must bound the window on both ends. */
    List<Count> counts(ArticleFilter filter, Interval interval) {
        return bucketed(CountedRows.of(filter, null, null, null, interval.seconds()), interval).list(entityManager).stream()
                .map(t -> new Count(null, t.get("bucket", Long.class), t.get("articles", Long.class), 0)).toList();
    }

    /** Non-empty buckets of the {@code limit} keys with most articles in the window, largest total first. */
    List<Count> groupedCounts(ArticleFilter filter, Interval interval, Dimension groupBy, int limit) {
        // The top keys first, then buckets for those keys alone: far fewer rows than bucketing every key.
        Map<String, Long> totals = new LinkedHashMap<>();
        rankings.top(filter, groupBy, null, limit).forEach(r -> totals.put(r.key(), r.articles()));
        if (totals.isEmpty()) {
            return List.of();
        }
        List<String> keys = List.copyOf(totals.keySet());
        return bucketed(CountedRows.of(filter, groupBy, null, keys, interval.seconds()), interval).list(entityManager).stream()
                .map(t -> new Count(t.get("key", String.class), t.get("bucket", Long.class), t.get("articles", Long.class),
                        totals.get(t.get("key", String.class))))
                .sorted(Comparator.comparingLong(Count::total).reversed().thenComparing(Count::key).thenComparingLong(Count::bucket))
                .toList();
    }

    /** Sums counted rows per key and bucket, so a bucket adds up the rollup rows and articles inside it. */
    private static NativeSql bucketed(NativeSql counted, Interval interval) {
        // Widths are fixed constants, not client text, so they can be part of the statement.
        return counted.wrap("SELECT key, floor((extract(epoch FROM t) - " + Interval.ORIGIN.getEpochSecond() + ") / "
                + interval.seconds() + ")::bigint AS bucket, CAST(sum(n) AS bigint) AS articles FROM (",
                ") b GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2");
    }
}
