package io.newsflow.query.articles;

import java.util.List;

/** A page of the newest-first list; nextCursor is null on the last page. */
public record ArticlePage(List<ArticleSummary> items, String nextCursor) {
}
