package io.newsflow.enrich.entity;

import java.util.function.Consumer;

/** The English CRF by itself (tokenize + tag), for benchmarks outside this package to compare enrichment with. */
public final class CrfAlone {

    private CrfAlone() {
    }

    /** A freshly loaded model: the extractor's own is not shared, so that its caches do not flatter either side. */
    public static Consumer<String> load() {
        return new EnglishRecognizer()::recognize;
    }
}
