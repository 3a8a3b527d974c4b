package io.newsflow.enrich.store;

import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.events.ArticleRawV1;

/** One event with what analysis made of it, ready for the store transaction. */
public record ToStore(ArticleRawV1 event, String articleId, DetectedLanguage language, String cleanBody, Fingerprint fingerprint,
                      Annotations annotations) {
}
