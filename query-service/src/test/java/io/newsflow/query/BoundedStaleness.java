package io.newsflow.query;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * query-service serving a question's previous answer for up to three seconds after a data change,
 * with an API key, so that the background request must carry the poller's key to refresh anything.
 */
public class BoundedStaleness implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("newsflow.query.max-staleness", "PT3S", "newsflow.query.api-key", WithApiKey.KEY);
    }
}
