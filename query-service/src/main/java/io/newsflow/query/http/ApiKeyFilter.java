package io.newsflow.query.http;

import io.newsflow.query.error.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Asks for {@value #HEADER} on every API request when an API key is configured. Health, metrics
 * and OpenAPI under /q/ are not REST resources, so probes and Prometheus never need the key.
 */
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    private final Optional<byte[]> key;

    public ApiKeyFilter(ApiKeyConfig config) {
        this.key = config.apiKey().map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    // Before parameter checks: a caller without the key learns nothing about the endpoint.
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void requireApiKey(ContainerRequestContext request) {
        if (key.isEmpty()) {
            return;
        }
        String given = request.getHeaderString(HEADER);
        // Constant-time comparison, so response timing does not reveal how much of a guess was right.
        if (given == null || !MessageDigest.isEqual(key.get(), given.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized("This API needs the " + HEADER + " header with a valid key.");
        }
    }
}
