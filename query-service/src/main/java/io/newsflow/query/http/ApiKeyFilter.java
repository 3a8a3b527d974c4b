package io.newsflow.query.http;

import io.newsflow.web.ApiKeys;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Asks for the key on every API request when {@code NEWSFLOW_QUERY_API_KEY} is set. Health, metrics
 * and OpenAPI under /q/ are not REST resources, so probes and Prometheus never need the key.
 */
public class ApiKeyFilter {

    private final ApiKeys keys;

    public ApiKeyFilter(QueryConfig config) {
        this.keys = new ApiKeys(config.apiKey(), "NEWSFLOW_QUERY_API_KEY");
    }

    // Before parameter checks: a caller without the key learns nothing about the endpoint.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void requireApiKey(ContainerRequestContext request) {
        keys.check(request);
    }
}
