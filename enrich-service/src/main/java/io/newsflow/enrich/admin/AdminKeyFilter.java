package io.newsflow.enrich.admin;

import io.newsflow.enrich.error.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * With {@code NEWSFLOW_ADMIN_API_KEY} set, {@code /admin} answers only requests that carry it, as an
 * {@code X-API-Key} header or a bearer token. Health, metrics and OpenAPI under {@code /q} stay open for probes.
 */
public class AdminKeyFilter {

    private final Optional<byte[]> key;

    public AdminKeyFilter(AdminConfig config) {
        this.key = config.apiKey().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    // Before parameter checks: a caller without the key learns nothing about the endpoint.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void requireKey(ContainerRequestContext request) {
        if (key.isEmpty() || !request.getUriInfo().getPath().startsWith("/admin")) {
            return;
        }
        String presented = request.getHeaderString("X-API-Key");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        }
        // Constant-time comparison: the time taken must not tell how much of a guess was right.
        if (presented == null || !MessageDigest.isEqual(key.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(Status.UNAUTHORIZED,
                    "The admin API needs the key configured as NEWSFLOW_ADMIN_API_KEY, sent as an X-API-Key header or an Authorization: Bearer token.");
        }
    }
}
