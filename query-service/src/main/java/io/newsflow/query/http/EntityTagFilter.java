package io.newsflow.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Gives every successful answer a strong ETag derived from the exact bytes sent, so dashboards that
 * poll can send If-None-Match and get a bodiless 304 while nothing changed.
 */
public class EntityTagFilter {

    /** Short enough that a dashboard sees new articles promptly, long enough to absorb a burst of identical polls. */
    private static final String CACHE_CONTROL = "max-age=2";

    private final ObjectMapper mapper;

    public EntityTagFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() != Response.Status.OK.getStatusCode() || !response.hasEntity()) {
            return;
        }
        // Serialized here once and sent as these bytes, so the tag always matches the body on the wire.
        byte[] body = mapper.writeValueAsBytes(response.getEntity());
        EntityTag tag = new EntityTag(digest(body));
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (request.getRequest().evaluatePreconditions(tag) != null) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
