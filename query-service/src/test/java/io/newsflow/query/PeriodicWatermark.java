package io.newsflow.query;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * query-service re-reading the data watermark on a period, as in production, instead of per request;
 * stale answers only when {@code -Dbench.max-staleness} asks for them (the benchmark, as in production).
 */
public class PeriodicWatermark implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsflow.query.watermark-refresh", System.getProperty("bench.watermark-refresh", "PT0.02S"),
                "newsflow.query.max-staleness", System.getProperty("bench.max-staleness", "PT0S"));
    }
}
