package io.newsflow.enrich.entity;

/** One extractor of each kind per test JVM: loading the CRF model takes seconds and ~300 MB, CoreNLP's Chinese models half a minute and ~800 MB more. */
public final class Extractors {

    private static EntityExtractor shared;
    private static EntityExtractor coreNlpChinese;

    private Extractors() {
    }

    public static synchronized EntityExtractor shared() {
        if (shared == null) {
            shared = new EntityExtractor();
        }
        return shared;
    }

    /** With NEWSFLOW_ENTITY_CHINESE_MODEL=corenlp. */
    static synchronized EntityExtractor coreNlpChinese() {
        if (coreNlpChinese == null) {
            coreNlpChinese = new EntityExtractor(ChineseModels.CORENLP);
        }
        return coreNlpChinese;
    }
}
