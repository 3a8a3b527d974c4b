package io.newsflow.enrich.store.analysis;

import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.enrich.store.analysis.Annotations;

/** Everything enrichment derives from an article's title and body, before anything is stored. */
public record Analysis(String cleanBody, DetectedLanguage language, Fingerprint fingerprint, Annotations annotations) {
}
