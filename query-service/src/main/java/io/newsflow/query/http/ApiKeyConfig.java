package io.newsflow.query.http;

import io.newsflow.web.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** With {@code NEWSFLOW_QUERY_API_KEY} set, every API request needs it; the dashboard page itself stays open. */
@ApplicationScoped
class ApiKeyConfig {

    @Produces
    @Singleton
    ApiKeys apiKeys(QueryConfig config) {
        return new ApiKeys("/", config.apiKey(), "NEWSFLOW_QUERY_API_KEY");
    }
}
