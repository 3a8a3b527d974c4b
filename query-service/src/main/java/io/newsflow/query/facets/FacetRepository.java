package io.newsflow.query.facets;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.filter.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

@ApplicationScoped
public class FacetRepository {

    /** A value and its number of matching articles. */
    record Count(String key, long articles) {
    }

    private final EntityManager entityManager;

    public FacetRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The {@code limit} most frequent values of the dimension among matching articles, most first, ties by value. */
    List<Count> top(Dimension dimension, ArticleFilter filter, int limit) {
        NativeSql sql = new NativeSql("SELECT " + dimension.key() + " AS key, count(*) AS articles FROM "
                + dimension.rows().table() + " WHERE " + dimension.key() + " IS NOT NULL");
        filter.appendTo(sql, dimension.rows());
        sql.append(" GROUP BY 1 ORDER BY articles DESC, key LIMIT :limit").bind("limit", limit);
        return sql.list(entityManager).stream()
                .map(t -> new Count(t.get("key", String.class), t.get("articles", Long.class))).toList();
    }
}
