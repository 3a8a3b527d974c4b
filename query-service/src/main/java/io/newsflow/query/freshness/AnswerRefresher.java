package io.newsflow.query.freshness;

import io.newsflow.query.http.QueryConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded staleness for polled answers. When the data changed but a question's latest answer is at
 * most {@code NEWSFLOW_QUERY_MAX_STALENESS} old, pollers get that answer at once while one request
 * in the background computes the new one; no poller waits for a computation, however long it takes,
 * as long as it takes less than the bound. The background request goes to this same server over
 * its own socket, carrying the poller's key and Accept header, so it is answered (and cached)
 * exactly as the poller's own request would have been.
 */
@ApplicationScoped
public class AnswerRefresher {

    private static final Logger LOG = Logger.getLogger(AnswerRefresher.class);
    /** Marks the background request: it must compute the answer, not be given a stale one. */
    private static final String HEADER = "X-Newsflow-Refresh";
    private static final List<String> FORWARDED = List.of(HttpHeaders.ACCEPT, HttpHeaders.AUTHORIZATION, "X-API-Key");

    private final long maxStalenessNanos;
    private final String token = UUID.randomUUID().toString();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public AnswerRefresher(QueryConfig config) {
        this.maxStalenessNanos = config.maxStaleness().toNanos();
    }

    /** How old an answer may be when served after the data changed; 0 when stale answers are never served. */
    long maxStalenessNanos() {
        return maxStalenessNanos;
    }

    /** True for the background request itself. */
    boolean isRefresh(ContainerRequestContext request) {
        return token.equals(request.getHeaderString(HEADER));
    }

    /**
     * Starts computing the question's answer in the background unless that is under way already.
     *
     * @return false when no background request can be made (TLS ends at this server), so the caller
     *         must compute the answer itself
     */
    boolean refresh(String question, ContainerRequestContext request, HttpServerRequest http) {
        if (http.isSSL()) {
            return false;
        }
        if (!running.add(question)) {
            return true;
        }
        SocketAddress local = http.localAddress();
        String host = local.hostAddress().contains(":") ? "[" + local.hostAddress() + "]" : local.hostAddress();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        HttpRequest.Builder refresh = HttpRequest.newBuilder(URI.create("http://" + host + ":" + local.port()
                        + request.getUriInfo().getRequestUri().getRawPath() + (query == null ? "" : "?" + query)))
                .timeout(Duration.ofMinutes(1)).header(HEADER, token);
        for (String name : FORWARDED) {
            String value = request.getHeaderString(name);
            if (value != null) {
                refresh.header(name, value);
            }
        }
        client.sendAsync(refresh.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            running.remove(question);
            if (failure != null || response.statusCode() != 200) {
                // The next poll past the staleness bound computes the answer itself.
                LOG.debugf("background refresh of %s failed: %s", question, failure != null ? failure : response.statusCode());
            }
        });
        return true;
    }
}
