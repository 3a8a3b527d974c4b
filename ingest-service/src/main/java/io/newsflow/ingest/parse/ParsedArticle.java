package io.newsflow.ingest.parse;

import java.time.Instant;

/** An article as read from a file or request, before it gets an id and provenance. */
public record ParsedArticle(String title, String body, String source, String author, Instant publishedAt, String url, String language) {

    public ParsedArticle {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("an article needs a body");
        }
    }
}
