package io.newsflow.query.entities;

import io.newsflow.query.filter.ArticleFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class EntityService {

    private final EntityRepository repository;

    public EntityService(EntityRepository repository) {
        this.repository = repository;
    }

    /** Empty when no entity has this id, so an unknown id is told apart from one without neighbours. */
    @Transactional
    public Optional<List<EntityCount>> related(String id, ArticleFilter filter, String type, int limit) {
        return repository.exists(id) ? Optional.of(repository.related(id, filter, type, limit)) : Optional.empty();
    }
}
