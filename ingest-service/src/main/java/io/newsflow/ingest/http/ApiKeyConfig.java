package io.newsflow.ingest.http;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.web.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * With {@code NEWSFLOW_API_KEY} set, the ingest API ({@code /api/*}) answers only requests that carry it;
 * with {@code NEWSFLOW_ADMIN_API_KEY} set, so does {@code /admin} (failed files), as on enrich-service.
 * Two keys, because whoever may send articles need not be allowed to move files about.
 */
@ApplicationScoped
class ApiKeyConfig {

    @Produces
    @Singleton
    @Named("api")
    ApiKeys apiKeys(IngestConfig config) {
        return new ApiKeys("/api/", config.apiKey(), "NEWSFLOW_API_KEY");
    }

    @Produces
    @Singleton
    @Named("admin")
    ApiKeys adminKeys(IngestConfig config) {
        return new ApiKeys("/admin", config.adminApiKey(), "NEWSFLOW_ADMIN_API_KEY");
    }
}
