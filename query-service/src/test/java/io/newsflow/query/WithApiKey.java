package io.newsflow.query;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** query-service with NEWSFLOW_QUERY_API_KEY set; test classes sharing it share one application start. */
public class WithApiKey implements QuarkusTestProfile {

    public static final String KEY = "test-only-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsflow.query.api-key", KEY);
    }
}
