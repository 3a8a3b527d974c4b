package io.newsflow.query.articles;

import io.newsflow.query.filter.ArticleFilter;

/**
 * The filters and page of an article list; a null text or cursor does not filter.
 *
 * @param after only articles after this position in the list's order (the next page)
 * @param since only articles stored after this position (polling for what is new)
 */
public record ArticleQuery(String text, ArticleFilter filter, ArticleOrder order, Cursor after, Cursor since, int limit) {
}
