package io.newsflow.query.facets;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.CountedRows;
import io.newsflow.query.filter.Dimension;
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
        return CountedRows.ranking(filter, dimension, null, limit).list(entityManager).stream()
                .map(t -> new Count(t.get("key", String.class), t.get("articles", Long.class))).toList();
    }
}
