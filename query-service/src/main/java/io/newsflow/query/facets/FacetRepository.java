package io.newsflow.query.facets;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.filter.RankingRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class FacetRepository {

    /** A value and its number of matching articles. */
    record Count(String key, long articles) {
    }

    private final RankingRepository rankings;

    public FacetRepository(RankingRepository rankings) {
        this.rankings = rankings;
    }

    /** The {@code limit} most frequent values of the dimension among matching articles, most first, ties by value. */
    List<Count> top(Dimension dimension, ArticleFilter filter, int limit) {
        return rankings.top(filter, dimension, null, limit).stream().map(r -> new Count(r.key(), r.articles())).toList();
    }
}
