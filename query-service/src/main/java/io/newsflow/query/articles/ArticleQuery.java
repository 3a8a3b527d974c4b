package io.newsflow.query.articles;

import io.newsflow.query.filter.ArticleFilter;

/** The filters and page of an article list; a null text or cursor does not filter. */
public record ArticleQuery(String text, ArticleFilter filter, Cursor after, int limit) {
}
