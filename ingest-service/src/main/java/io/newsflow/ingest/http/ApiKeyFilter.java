package io.newsflow.ingest.http;

import io.newsflow.ingest.IngestConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** With {@code NEWSFLOW_API_KEY} set, the ingest API answers only requests that carry it. Health and metrics stay open. */
public class ApiKeyFilter {

    private final Optional<byte[]> key;

    public ApiKeyFilter(IngestConfig config) {
        this.key = config.apiKey().filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    public void requireKey(ContainerRequestContext request) {
        if (key.isEmpty() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String presented = request.getHeaderString("X-API-Key");
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        }
        // Constant-time comparison: the time taken must not tell how much of a guess was right.
        if (presented == null || !MessageDigest.isEqual(key.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new RequestRejected(Status.UNAUTHORIZED, "api-key", "This API needs the key configured as NEWSFLOW_API_KEY, "
                    + "sent as an X-API-Key header or an Authorization: Bearer token.");
        }
    }
}
