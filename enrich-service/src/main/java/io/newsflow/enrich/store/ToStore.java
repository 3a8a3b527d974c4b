package io.newsflow.enrich.store;

import io.newsflow.enrich.store.analysis.Analysis;
import io.newsflow.events.ArticleRawV1;

/** One event with what analysis made of it, ready for the store transaction; the article id is derived from its content. */
public record ToStore(ArticleRawV1 event, String articleId, Analysis analysis) {
}
