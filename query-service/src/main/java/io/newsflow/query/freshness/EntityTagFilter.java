package io.newsflow.query.freshness;

import io.newsflow.query.pipeline.PipelineService;
import io.vertx.core.http.HttpServerRequest;
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
 * committed change (the watermark moves) makes every tag stale. Within the operator's staleness bound
 * the question's previous answer, under its own tag, is served while {@link AnswerRefresher} computes
 * the new one.
 */
public class EntityTagFilter {

    /** Short enough that a dashboard sees new articles promptly, long enough to absorb a burst of identical polls. */
    private static final String CACHE_CONTROL = "max-age=2";
    private static final String TAG = EntityTagFilter.class.getName() + ".tag";
    private static final String CACHED = EntityTagFilter.class.getName() + ".cached";
    private static final String QUESTION = EntityTagFilter.class.getName() + ".question";
    private static final String STARTED = EntityTagFilter.class.getName() + ".started";
    private static final String STATS = "/api/v1/stats";

    private final WatermarkService watermarks;
    private final AnswerCache cache;
    private final AnswerRefresher refresher;
    private final PipelineService pipeline;

    public EntityTagFilter(WatermarkService watermarks, AnswerCache cache, AnswerRefresher refresher, PipelineService pipeline) {
        this.watermarks = watermarks;
        this.cache = cache;
        this.refresher = refresher;
        this.pipeline = pipeline;
    }

    /** After authentication and parameter checks: a request refused for those never reaches here. A 304 costs no query. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response notModified(ContainerRequestContext request, HttpServerRequest http) {
        if (!isRead(request) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        request.setProperty(STARTED, System.nanoTime());
        // Taken before the answer is read: the data is then at least as new as the tag says.
        Watermark watermark = watermarks.current();
        if (watermark == null) {
            return null;
        }
        String question = question(request);
        EntityTag tag = new EntityTag(digest(watermark.version() + "|" + watermark.changedAt() + "|" + question + backlog(request)));
        request.setProperty(TAG, tag);
        request.setProperty(QUESTION, question);
        // A client holding the current tag (from another replica, say) has current data, cached here or not.
        Response.ResponseBuilder answer = request.getRequest().evaluatePreconditions(tag);
        AnswerCache.Answer cached = answer == null ? cache.get(tag.getValue()) : null;
        if (answer == null && cached == null && refresher.maxStalenessNanos() > 0 && !refresher.isRefresh(request)
                && !wantsFresh(request)) {
            AnswerCache.Answer previous = cache.latest(question, refresher.maxStalenessNanos());
            if (previous != null && refresher.refresh(question, request, http)) {
                cached = previous;
                tag = new EntityTag(previous.tag());
                request.setProperty(TAG, tag);
                answer = request.getRequest().evaluatePreconditions(tag);
            }
        }
        if (answer == null) {
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
            cache.put((String) request.getProperty(QUESTION), new AnswerCache.Answer(((EntityTag) tag).getValue(),
                    new GenericEntity<>(response.getEntity(), response.getEntityType()), response.getMediaType(),
                    (Long) request.getProperty(STARTED)));
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.getHeaders().putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT);
    }

    /**
     * /stats also answers the pipeline's backlog, which changes without the data watermark moving (files
     * arriving, Kafka filling): its tag follows the backlog too, so a poll never gets a 304 over a changed one.
     */
    private String backlog(ContainerRequestContext request) {
        return STATS.equals(request.getUriInfo().getPath()) ? "|" + pipeline.current() : "";
    }

    /** A client sending {@code Cache-Control: no-cache} or {@code max-age=0} (a reload) asks for current data. */
    private static boolean wantsFresh(ContainerRequestContext request) {
        String control = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        return control != null && (control.contains("no-cache") || control.replace(" ", "").contains("max-age=0"));
    }

    private static boolean isRead(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
    }

    /** Path, parameters in a fixed order and the representation asked for (JSON or CSV). */
    private static String question(ContainerRequestContext request) {
        StringBuilder text = new StringBuilder(request.getUriInfo().getPath());
        Map<String, Object> parameters = new TreeMap<>(request.getUriInfo().getQueryParameters());
        parameters.forEach((name, values) -> text.append('|').append(name).append('=').append(values));
        return text.append('|').append(request.getHeaderString(HttpHeaders.ACCEPT)).toString();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
