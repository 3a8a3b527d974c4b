package io.newsflow.ingest.http;

import io.newsflow.ingest.IngestConfig;
import io.newsflow.web.ApiKeys;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** With {@code NEWSFLOW_API_KEY} set, the ingest API answers only requests that carry it. Health and metrics stay open. */
public class ApiKeyFilter {

    private final ApiKeys keys;

    public ApiKeyFilter(IngestConfig config) {
        this.keys = new ApiKeys(config.apiKey(), "NEWSFLOW_API_KEY");
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void requireKey(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/")) {
            keys.check(request);
        }
    }
}
