package io.newsflow.enrich.entity;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NEWSFLOW_ENTITY_CHINESE_MODEL's start-up check, for heaps other than the test JVM's own. */
class ChineseModelsTest {

    @Test
    void coreNlpNeedsTheHeapItLoadsInHanLpDoesNot() {
        assertEquals(Optional.of("needs a heap of at least 1280 MB, this JVM has 768 MB: give enrich-service 2 GiB of memory"
                        + " (NEWSFLOW_ENRICH_MEMORY in compose, the container's limit on Kubernetes; ./newsflow run does so itself)"),
                ChineseModels.broken("corenlp", 768));
        assertEquals(Optional.empty(), ChineseModels.broken("corenlp", 1536));
        assertEquals(Optional.empty(), ChineseModels.broken("hanlp", 768));
    }

    @Test
    void anyOtherNameIsRefused() {
        assertEquals(Optional.of("must be hanlp or corenlp"), ChineseModels.broken("CoreNLP", 4096));
    }
}
