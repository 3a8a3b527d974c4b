package io.newsflow.query;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The pipeline's backlog re-read every 200 ms (production: 2 s), for tests that watch it change. */
public class FrequentPipelineRefresh implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsflow.query.pipeline-refresh", "PT0.2S");
    }
}
