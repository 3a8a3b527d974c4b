package io.newsflow.query.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * ETags from the data watermark plus the request: the same question over the same data gets the
 * same tag, so a poll sending If-None-Match is answered 304 before anything is read, a poll
 * without it gets the answer computed for the same tag before ({@link AnswerCache}), and any
 * committed change (the watermark moves) makes every tag stale.
 */
public class EntityTagFilter {

    /** Short enough that a dashboard sees new articles promptly, long enough to absorb a burst of identical polls. */
    private static final String CACHE_CONTROL = "max-age=2";
    private static final String TAG = EntityTagFilter.class.getName() + ".tag";
    private static final String CACHED = EntityTagFilter.class.getName() + ".cached";

    private final WatermarkService watermarks;
    private final AnswerCache cache;

    public EntityTagFilter(WatermarkService watermarks, AnswerCache cache) {
        this.watermarks = watermarks;
        this.cache = cache;
    }

    /** After authentication and parameter checks: a request refused for those never reaches here. A 304 costs no query. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response notModified(ContainerRequestContext request) {
        if (!isRead(request) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        // Taken before the answer is read: the data is then at least as new as the tag says.
        Watermark watermark = watermarks.current();
        if (watermark == null) {
            return null;
        }
        EntityTag tag = new EntityTag(digest(watermark, request));
        request.setProperty(TAG, tag);
        Response.ResponseBuilder answer = request.getRequest().evaluatePreconditions(tag);
        if (answer == null) {
            AnswerCache.Answer cached = cache.get(tag.getValue());
            if (cached == null) {
                return null;
            }
            request.setProperty(CACHED, Boolean.TRUE);
            answer = Response.ok(cached.entity(), cached.mediaType());
        }
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(TAG);
        if (tag == null || response.getStatus() != Response.Status.OK.getStatusCode()) {
            return;
        }
        if (response.hasEntity() && request.getProperty(CACHED) == null) {
            cache.put(((EntityTag) tag).getValue(), new AnswerCache.Answer(
                    new GenericEntity<>(response.getEntity(), response.getEntityType()), response.getMediaType()));
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    private static boolean isRead(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
    }

    /** Watermark, path, parameters in a fixed order and the representation asked for (JSON or CSV). */
    private static String digest(Watermark watermark, ContainerRequestContext request) {
        StringBuilder text = new StringBuilder().append(watermark.version()).append('|').append(watermark.changedAt())
                .append('|').append(request.getUriInfo().getPath());
        Map<String, Object> parameters = new TreeMap<>(request.getUriInfo().getQueryParameters());
        parameters.forEach((name, values) -> text.append('|').append(name).append('=').append(values));
        text.append('|').append(request.getHeaderString(HttpHeaders.ACCEPT));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
