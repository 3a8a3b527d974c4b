package io.newsflow.query.timeline;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.filter.NativeSql;
import io.newsflow.query.filter.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class TimelineRepository {

    /** Earliest and latest event time of the matching articles. */
    record Extent(Instant earliest, Instant latest) {
    }

    /** Articles of one key in one bucket; bucket counts widths since {@link Interval#ORIGIN}. */
    record Count(String key, long bucket, long articles, long total) {
    }

    private final EntityManager entityManager;

    public TimelineRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Null when no article matches. */
    Extent extent(ArticleFilter filter) {
        NativeSql sql = new NativeSql("SELECT min(a.event_time) AS earliest, max(a.event_time) AS latest FROM article a WHERE true");
        filter.appendTo(sql, Rows.ARTICLES);
        Tuple t = sql.list(entityManager).get(0);
        Instant earliest = t.get("earliest", Instant.class);
        return earliest == null ? null : new Extent(earliest, t.get("latest", Instant.class));
    }

    /** Non-empty buckets of all matching articles; the filter must bound the window on both ends. */
    List<Count> counts(ArticleFilter filter, Interval interval) {
        NativeSql sql = new NativeSql("SELECT " + bucket(Rows.ARTICLES, interval) + " AS bucket, count(*) AS articles"
                + " FROM article a WHERE true");
        filter.appendTo(sql, Rows.ARTICLES);
        sql.append(" GROUP BY 1 ORDER BY 1");
        return sql.list(entityManager).stream()
                .map(t -> new Count(null, t.get("bucket", Long.class), t.get("articles", Long.class), 0)).toList();
    }

    /** Non-empty buckets of the {@code limit} keys with most articles in the window, largest total first. */
    List<Count> groupedCounts(ArticleFilter filter, Interval interval, Dimension groupBy, int limit) {
        Rows rows = groupBy.rows();
        String key = groupBy.key();
        // The top keys first, then buckets for those keys alone: far fewer groups than bucketing every key,
        // and for themes and entities each key's window is one range of its (key, event_time) index.
        NativeSql sql = new NativeSql("WITH top AS (SELECT " + key + " AS key, count(*) AS total FROM " + rows.table()
                + " WHERE " + key + " IS NOT NULL");
        filter.appendTo(sql, rows);
        sql.append(" GROUP BY 1 ORDER BY total DESC, key LIMIT :limit)").bind("limit", limit);
        sql.append(" SELECT t.key, " + bucket(rows, interval) + " AS bucket, count(*) AS articles, t.total FROM top t"
                + " JOIN " + rows.table() + " ON " + key + " = t.key WHERE true");
        // The same conditions and bind values as in the first part.
        filter.appendTo(sql, rows);
        sql.append(" GROUP BY t.key, t.total, 2 ORDER BY t.total DESC, t.key, 2");
        return sql.list(entityManager).stream()
                .map(t -> new Count(t.get("key", String.class), t.get("bucket", Long.class),
                        t.get("articles", Long.class), t.get("total", Long.class))).toList();
    }

    private static String bucket(Rows rows, Interval interval) {
        // Widths are fixed constants, not client text, so they can be part of the statement.
        return "floor((extract(epoch FROM " + rows.eventTime() + ") - " + Interval.ORIGIN.getEpochSecond() + ") / "
                + interval.seconds() + ")::bigint";
    }
}
