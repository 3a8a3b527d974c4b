package io.newsflow.query.facets;

import io.newsflow.query.facets.Facets.LanguageCount;
import io.newsflow.query.facets.Facets.SourceCount;
import io.newsflow.query.facets.Facets.ThemeCount;
import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class FacetService {

    private final FacetRepository repository;

    public FacetService(FacetRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public List<ThemeCount> themes(ArticleFilter filter, int limit) {
        return repository.top(Dimension.THEME, filter, limit).stream().map(c -> new ThemeCount(c.key(), c.articles())).toList();
    }

    @Transactional
    public List<LanguageCount> languages(ArticleFilter filter, int limit) {
        return repository.top(Dimension.LANGUAGE, filter, limit).stream()
                .map(c -> new LanguageCount(c.key(), c.articles())).toList();
    }

    @Transactional
    public List<SourceCount> sources(ArticleFilter filter, int limit) {
        return repository.top(Dimension.SOURCE, filter, limit).stream().map(c -> new SourceCount(c.key(), c.articles())).toList();
    }
}
