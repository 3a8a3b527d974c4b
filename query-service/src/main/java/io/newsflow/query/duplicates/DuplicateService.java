package io.newsflow.query.duplicates;

import io.newsflow.query.filter.ArticleFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

@ApplicationScoped
public class DuplicateService {

    private final DuplicateRepository repository;

    public DuplicateService(DuplicateRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public List<DuplicateCluster> recent(ArticleFilter filter, int limit) {
        return repository.recent(filter, limit);
    }
}
