package io.newsflow.enrich.admin;

import io.newsflow.web.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** With {@code NEWSFLOW_ADMIN_API_KEY} set, {@code /admin} answers only requests that carry it. */
@ApplicationScoped
class ApiKeyConfig {

    @Produces
    @Singleton
    ApiKeys apiKeys(AdminConfig config) {
        return new ApiKeys("/admin", config.apiKey(), "NEWSFLOW_ADMIN_API_KEY");
    }
}
