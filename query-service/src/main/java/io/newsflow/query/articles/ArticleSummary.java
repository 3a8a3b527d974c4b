package io.newsflow.query.articles;

import java.time.Instant;
import java.util.List;

/**
 * One article in a list: its theme codes (highest score first), the entities it mentions (most
 * mentioned first) and, when it is a near-duplicate, the canonical article of its cluster.
 */
public record ArticleSummary(String id, String title, String source, String author, Instant publishedAt,
                             Instant ingestedAt, String language, List<String> themes, List<EntityRef> entities,
                             String duplicateOf) {

    ArticleSummary with(List<String> themeCodes, List<EntityRef> entityRefs) {
        return new ArticleSummary(id, title, source, author, publishedAt, ingestedAt, language, themeCodes, entityRefs,
                duplicateOf);
    }

    /** A named entity an article mentions. */
    public record EntityRef(String id, String name, String type) {
    }
}
