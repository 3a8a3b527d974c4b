package io.newsflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One request of a {@code ./newsflow} subcommand to a service's admin API: with {@code NEWSFLOW_ADMIN_API_KEY} when
 * set, and any failure (service down, refused, not JSON) told in one line on {@code err}, never as a stack trace.
 */
final class AdminCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminCall() {
    }

    /**
     * @param service  the service's name, for the messages
     * @param notThere what to check when the service does not answer, e.g. "is ./newsflow run running? NEWSFLOW_ENRICH_PORT?"
     * @return the 200 answer's body; empty when something went wrong, which {@code err} says
     */
    static Optional<JsonNode> send(HttpRequest.Builder request, Map<String, String> env, String service, String notThere, PrintStream err) {
        String key = env.get("NEWSFLOW_ADMIN_API_KEY");
        if (key != null && !key.isBlank()) {
            request.header("X-API-Key", key);
        }
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response;
        try {
            response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("newsflow: " + service + " does not answer at " + built.uri().toString().replaceFirst("\\?.*", "")
                    + " (" + notThere + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                err.println("newsflow: " + body.path("detail").asText(body.path("title").asText("HTTP " + response.statusCode())));
                return Optional.empty();
            }
            return Optional.of(body);
        } catch (IOException e) {
            err.println("newsflow: " + service + " answered HTTP " + response.statusCode() + " with something that is not JSON");
            return Optional.empty();
        }
    }
}
