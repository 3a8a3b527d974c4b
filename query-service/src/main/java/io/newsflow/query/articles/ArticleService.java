package io.newsflow.query.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ArticleService {

    private final ArticleRepository repository;

    public ArticleService(ArticleRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public ArticlePage list(ArticleQuery query) {
        // One row beyond the page tells whether another page exists, without counting the whole result.
        List<ArticleRepository.Row> rows = repository.newestFirst(query, query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<ArticleRepository.Row> page = more ? rows.subList(0, query.limit()) : rows;
        String nextCursor = more ? new Cursor(page.get(page.size() - 1).seq()).encode() : null;
        return new ArticlePage(page.stream().map(ArticleRepository.Row::summary).toList(), nextCursor);
    }

    @Transactional
    public Optional<ArticleDetail> find(String id) {
        return repository.findByIdOptional(id).map(ArticleDetail::of);
    }
}
