package io.newsflow.query.articles;

import java.time.Instant;
import java.util.List;

/** One article in a list. Themes, entities and duplicates stay empty until enrichment stores them. */
public record ArticleSummary(String id, String title, String source, String author, Instant publishedAt,
                             Instant ingestedAt, String language, List<String> themes, List<EntityRef> entities,
                             String duplicateOf) {

    /** A named entity an article mentions. */
    public record EntityRef(String id, String name, String type) {
    }
}
