package io.newsflow.query.facets;

import io.newsflow.query.facets.Facets.LanguageCount;
import io.newsflow.query.facets.Facets.SourceCount;
import io.newsflow.query.facets.Facets.ThemeCount;
import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.filter.RankingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class FacetService {

    private final RankingRepository rankings;

    public FacetService(RankingRepository rankings) {
        this.rankings = rankings;
    }

    @Transactional
    public List<ThemeCount> themes(ArticleFilter filter, int limit) {
        return rankings.top(filter, Dimension.THEME, null, limit).stream().map(c -> new ThemeCount(c.key(), c.articles())).toList();
    }

    @Transactional
    public List<LanguageCount> languages(ArticleFilter filter, int limit) {
        return rankings.top(filter, Dimension.LANGUAGE, null, limit).stream()
                .map(c -> new LanguageCount(c.key(), c.articles())).toList();
    }

    @Transactional
    public List<SourceCount> sources(ArticleFilter filter, int limit) {
        return rankings.top(filter, Dimension.SOURCE, null, limit).stream().map(c -> new SourceCount(c.key(), c.articles())).toList();
    }
}
