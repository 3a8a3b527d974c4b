package io.newsflow.enrich.admin;

import io.newsflow.web.ApiKeys;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With {@code NEWSFLOW_ADMIN_API_KEY} set, {@code /admin} answers only requests that carry it, as an
 * {@code X-API-Key} header or a bearer token. Health, metrics and OpenAPI under {@code /q} stay open for probes.
 */
public class AdminKeyFilter {

    private final ApiKeys keys;

    public AdminKeyFilter(AdminConfig config) {
        this.keys = new ApiKeys(config.apiKey(), "NEWSFLOW_ADMIN_API_KEY");
    }

    // Before parameter checks: a caller without the key learns nothing about the endpoint.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void requireKey(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/admin")) {
            keys.check(request);
        }
    }
}
