package io.newsflow.enrich.entity;

import io.newsflow.settings.Rule;

import java.util.Optional;

/**
 * NEWSFLOW_ENTITY_CHINESE_MODEL: one of the two models, and for corenlp a heap it fits in. Its models
 * take ~950 MB of heap after GC with the rest of the service; at -Xmx1024m they do not load, at
 * -Xmx1280m they load and run (docs/benchmarks.md). Checked at start, so that a replica given too
 * little memory stops with this line rather than an OutOfMemoryError half a minute into loading.
 */
public final class ChineseModels implements Rule<String> {

    static final String HANLP = "hanlp";
    static final String CORENLP = "corenlp";
    static final long CORENLP_MIN_HEAP_MB = 1280;

    @Override
    public Optional<String> broken(String model) {
        return broken(model, Runtime.getRuntime().maxMemory() >> 20);
    }

    static Optional<String> broken(String model, long heapMb) {
        if (!model.equals(HANLP) && !model.equals(CORENLP)) {
            return Optional.of("must be " + HANLP + " or " + CORENLP);
        }
        if (model.equals(CORENLP) && heapMb < CORENLP_MIN_HEAP_MB) {
            return Optional.of("needs a heap of at least " + CORENLP_MIN_HEAP_MB + " MB, this JVM has " + heapMb
                    + " MB: give enrich-service 2 GiB of memory (NEWSFLOW_ENRICH_MEMORY in compose, the container's limit on Kubernetes;"
                    + " ./newsflow run does so itself)");
        }
        return Optional.empty();
    }
}
