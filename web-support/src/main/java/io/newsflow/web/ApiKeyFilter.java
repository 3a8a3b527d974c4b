package io.newsflow.web;

import io.quarkus.arc.All;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * The API-key check of every service, by the {@link ApiKeys} rules the service produces (one per
 * path prefix: ingest guards {@code /api/} and {@code /admin} with different keys). Health,
 * metrics and OpenAPI under {@code /q} and static pages are not REST resources: probes, Prometheus
 * and the dashboard page itself never need the key.
 */
public class ApiKeyFilter {

    private final List<ApiKeys> rules;

    public ApiKeyFilter(@All List<ApiKeys> rules) {
        this.rules = rules;
    }

    // Before parameter checks: a caller without the key learns nothing about the endpoint.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void requireKey(ContainerRequestContext request) {
        rules.forEach(rule -> rule.check(request));
    }
}
