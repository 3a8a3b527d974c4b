package io.newsflow.query.http;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** NEWSFLOW_QUERY_API_KEY: when set, every API request must carry it; unset, the API is open. */
@ConfigMapping(prefix = "newsflow.query")
public interface ApiKeyConfig {

    Optional<String> apiKey();
}
