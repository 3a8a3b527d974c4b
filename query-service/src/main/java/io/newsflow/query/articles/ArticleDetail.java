package io.newsflow.query.articles;

import java.time.Instant;
import java.util.List;

/**
 * One article with its text and everything known about it. {@code cleanBody} is the text enrich
 * analysed (null for articles stored before it existed); the entities' spans are UTF-16 offsets into
 * {@code title + "\n" + cleanBody} ({@code cleanBody} alone without a title), so a page can mark them.
 */
public record ArticleDetail(String id, String title, String source, String author, String url, Instant publishedAt,
                            Instant ingestedAt, String language, double languageConfidence, String body,
                            String cleanBody, List<ThemeScore> themes, List<EntityMention> entities, String duplicateOf,
                            List<NearDuplicate> nearDuplicates) {

    public record ThemeScore(String theme, double score) {
    }

    public record EntityMention(String id, String name, String type, int mentions, List<Span> spans) {
    }

    /** Where one mention stands: {@code [start, end)}. */
    public record Span(int start, int end) {
    }

    public record NearDuplicate(String id, double similarity) {
    }

    static ArticleDetail of(Article a, List<ThemeScore> themes, List<EntityMention> entities, String duplicateOf,
                            List<NearDuplicate> nearDuplicates) {
        return new ArticleDetail(a.id(), a.title(), a.source(), a.author(), a.url(), a.publishedAt(), a.ingestedAt(),
                a.language(), a.languageConfidence(), a.body(), a.cleanBody(), themes, entities, duplicateOf, nearDuplicates);
    }
}
