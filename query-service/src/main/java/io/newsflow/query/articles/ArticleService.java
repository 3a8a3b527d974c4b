package io.newsflow.query.articles;

import io.newsflow.query.articles.ArticleSummary.EntityRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
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
        List<ArticleRepository.Row> rows = repository.list(query, query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<ArticleRepository.Row> page = more ? rows.subList(0, query.limit()) : rows;
        String nextCursor = more ? page.get(page.size() - 1).cursor().encode() : null;
        // The newest row of the first page (first in the newest-first order); deeper pages and empty answers keep what the poller knew.
        String latestCursor = !page.isEmpty() && query.after() == null
                ? new Cursor(page.stream().mapToLong(ArticleRepository.Row::seq).max().orElseThrow()).encode()
                : query.since() == null ? null : query.since().encode();
        List<String> ids = page.stream().map(row -> row.summary().id()).toList();
        if (ids.isEmpty()) {
            return new ArticlePage(List.of(), null, latestCursor);
        }
        // Two batched lookups for the whole page, whatever its size: no statement per article.
        Map<String, List<String>> themes = repository.themeCodes(ids);
        Map<String, List<EntityRef>> entities = repository.entityRefs(ids);
        List<ArticleSummary> items = page.stream().map(ArticleRepository.Row::summary)
                .map(s -> s.with(themes.getOrDefault(s.id(), List.of()), entities.getOrDefault(s.id(), List.of())))
                .toList();
        return new ArticlePage(items, nextCursor, latestCursor);
    }

    @Transactional
    public Optional<ArticleDetail> find(String id) {
        return repository.findByIdOptional(id).map(a -> ArticleDetail.of(a, repository.themeScores(id),
                repository.entityMentions(id), repository.duplicateOf(id), repository.nearDuplicates(id)));
    }
}
