package io.newsflow.query.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks ingest-service what its inbox holds. query-service cannot look at the folder itself: in a
 * deployment it runs in another container, often on another node.
 */
@ApplicationScoped
public class InboxClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** The part of ingest's answer this service shows. */
    record Inbox(long filesWaiting, long filesInFlight, long filesFailed) {
    }

    private final URI endpoint;
    private final String apiKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public InboxClient(PipelineConfig config, ObjectMapper json) {
        this.endpoint = config.ingest().url().resolve("/api/v1/inbox");
        this.apiKey = config.ingest().apiKey().filter(k -> !k.isBlank()).orElse(null);
        this.json = json;
    }

    /** @throws IOException saying why there is no answer, in words for the pipeline object's {@code inboxError} */
    Inbox read() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Accept", "application/json");
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("ingest-service does not answer at " + endpoint + " (" + describe(e) + ")", e);
        }
        if (response.statusCode() == 401) {
            throw new IOException("ingest-service refused the request at " + endpoint
                    + ": set NEWSFLOW_INGEST_API_KEY to ingest's NEWSFLOW_API_KEY");
        }
        if (response.statusCode() != 200) {
            throw new IOException("ingest-service answered HTTP " + response.statusCode() + " at " + endpoint);
        }
        // ingest may add fields; this service reads the ones it shows.
        return json.readerFor(Inbox.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(response.body());
    }

    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
