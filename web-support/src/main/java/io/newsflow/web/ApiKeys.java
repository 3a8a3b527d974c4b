package io.newsflow.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * A service's API-key rule, which {@link ApiKeyFilter} applies: requests to REST resources under
 * a path prefix must carry the key as an {@value #HEADER} header or an {@code Authorization: Bearer}
 * token. Unset or blank, every request passes. Each service produces one instance per guarded
 * prefix (CDI producers) from the variables its operators set; the filter applies them all.
 */
public final class ApiKeys {

    public static final String HEADER = "X-API-Key";
    public static final String REASON = "api-key";

    private static final String BEARER = "Bearer ";

    private final String pathPrefix;
    private final Optional<byte[]> key;
    private final String refusal;

    /**
     * @param pathPrefix requests whose path starts with this need the key; {@code /} for every REST resource
     * @param envVar     the variable an operator sets the key with, named in the 401 so the caller knows what is missing
     */
    public ApiKeys(String pathPrefix, Optional<String> configured, String envVar) {
        this.pathPrefix = pathPrefix;
        this.key = configured.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
        this.refusal = "This API needs the key configured as " + envVar + ", sent as an " + HEADER
                + " header or an Authorization: Bearer token.";
    }

    /** Throws a 401 {@link ProblemException} unless the path is open, no key is configured or the request carries it. */
    public void check(ContainerRequestContext request) {
        if (key.isEmpty() || !request.getUriInfo().getPath().startsWith(pathPrefix)) {
            return;
        }
        String presented = request.getHeaderString(HEADER);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            presented = authorization.substring(BEARER.length()).strip();
        }
        // Constant-time comparison: the time taken must not tell how much of a guess was right.
        if (presented == null || !MessageDigest.isEqual(key.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized(REASON, refusal);
        }
    }
}
