package io.newsflow.ingest.http;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.web.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** With {@code NEWSFLOW_API_KEY} set, the ingest API ({@code /api/*}) answers only requests that carry it. */
@ApplicationScoped
class ApiKeyConfig {

    @Produces
    @Singleton
    ApiKeys apiKeys(IngestConfig config) {
        return new ApiKeys("/api/", config.apiKey(), "NEWSFLOW_API_KEY");
    }
}
