package io.newsflow.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The API-key check each service's request filter applies to its own paths: the key comes as an
 * {@value #HEADER} header or an {@code Authorization: Bearer} token. Unset or blank, every request passes.
 */
public final class ApiKeys {

    public static final String HEADER = "X-API-Key";
    public static final String REASON = "api-key";

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> key;
    private final String refusal;

    /** @param envVar the variable an operator sets the key with, named in the 401 so the caller knows what is missing */
    public ApiKeys(Optional<String> configured, String envVar) {
        this.key = configured.filter(k -> !k.isBlank()).map(k -> k.getBytes(StandardCharsets.UTF_8));
        this.refusal = "This API needs the key configured as " + envVar + ", sent as an " + HEADER
                + " header or an Authorization: Bearer token.";
    }

    /** Throws a 401 {@link ProblemException} unless no key is configured or the request carries it. */
    public void check(ContainerRequestContext request) {
        if (key.isEmpty()) {
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
