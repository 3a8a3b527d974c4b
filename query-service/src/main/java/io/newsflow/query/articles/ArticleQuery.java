package io.newsflow.query.articles;

import io.newsflow.query.time.TimeRange;

/** The filters and page of an article list; null fields do not filter. */
public record ArticleQuery(String text, String language, String source, TimeRange time, Cursor after, int limit) {
}
