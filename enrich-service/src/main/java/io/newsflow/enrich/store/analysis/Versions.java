package io.newsflow.enrich.store.analysis;

/**
 * What enrichment runs with, as {@code article_enrichment} and {@code article_fingerprint} record it:
 * an article whose recorded versions differ is stale, and a re-enrichment job runs with one set.
 * {@code ArticleAnalyzer.versions()} is the one place they are assembled.
 */
public record Versions(String nerModel, String aliasVersion, String taxonomyVersion, int fingerprintVersion) {
}
