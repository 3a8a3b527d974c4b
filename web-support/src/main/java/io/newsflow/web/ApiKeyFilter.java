package io.newsflow.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The API-key check of every service, by the {@link ApiKeys} rule the service produces. Health,
 * metrics and OpenAPI under {@code /q} and static pages are not REST resources: probes, Prometheus
 * and the dashboard page itself never need the key.
 */
public class ApiKeyFilter {

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    // Before parameter checks: a caller without the key learns nothing about the endpoint.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void requireKey(ContainerRequestContext request) {
        keys.check(request);
    }
}
