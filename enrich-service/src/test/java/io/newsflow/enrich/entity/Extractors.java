package io.newsflow.enrich.entity;

/** One extractor per test JVM: loading the CRF model takes seconds and ~300 MB. */
public final class Extractors {

    private static EntityExtractor shared;

    private Extractors() {
    }

    public static synchronized EntityExtractor shared() {
        if (shared == null) {
            shared = new EntityExtractor();
        }
        return shared;
    }
}
