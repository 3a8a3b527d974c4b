package io.newsflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./newsflow dead-letters}: the dead letters of the running local stack, grouped by failure, and
 * their replay, through enrich-service's admin API (docs/operations.md, "Failures and dead letters").
 */
public final class DeadLettersCommand {

    static final String USAGE = """
            usage: ./newsflow dead-letters                      list dead letters by failure (fingerprint)
                   ./newsflow dead-letters replay FINGERPRINT   publish one failure's pending dead letters again
                   ./newsflow dead-letters replay --all         publish every pending dead letter again""";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DeadLettersCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** @return the exit code: 0 done, 1 the stack refused or is not running, 2 a usage error */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        String base = "http://127.0.0.1:" + env.getOrDefault("NEWSFLOW_ENRICH_PORT", "8082") + "/admin/dead-letters";
        HttpRequest.Builder request;
        if (args.isEmpty()) {
            request = HttpRequest.newBuilder(URI.create(base)).GET();
        } else if (args.size() == 2 && args.get(0).equals("replay")) {
            String query = args.get(1).equals("--all") ? "all=true" : "fingerprint=" + URLEncoder.encode(args.get(1), StandardCharsets.UTF_8);
            request = HttpRequest.newBuilder(URI.create(base + "/replay?" + query)).POST(HttpRequest.BodyPublishers.noBody());
        } else {
            err.println(USAGE);
            return 2;
        }
        String key = env.get("NEWSFLOW_ADMIN_API_KEY");
        if (key != null && !key.isBlank()) {
            request.header("X-API-Key", key);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("newsflow: enrich-service does not answer at " + base + " (is ./newsflow run running? NEWSFLOW_ENRICH_PORT?)");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                err.println("newsflow: " + body.path("detail").asText(body.path("title").asText("HTTP " + response.statusCode())));
                return 1;
            }
            if (args.isEmpty()) {
                print(body, out);
            } else {
                out.println("replayed " + body.path("replayed").asLong() + " dead letters to the raw topic; "
                        + body.path("alreadyStored").asLong() + " skipped, stored since");
            }
            return 0;
        } catch (IOException e) {
            err.println("newsflow: enrich-service answered HTTP " + response.statusCode() + " with something that is not JSON");
            return 1;
        }
    }

    private static void print(JsonNode groups, PrintStream out) {
        if (groups.isEmpty()) {
            out.println("no dead letters");
            return;
        }
        out.printf("%-12s %8s %8s  %-24s %s%n", "FINGERPRINT", "RECORDS", "PENDING", "LAST FAILED", "FAILURE");
        for (JsonNode group : groups) {
            String failure = group.path("exception").asText() + ": " + group.path("message").asText().replaceAll("\\s+", " ");
            out.printf("%-12s %8d %8d  %-24s %s%n", group.path("fingerprint").asText(), group.path("records").asLong(),
                    group.path("pending").asLong(), group.path("lastFailedAt").asText(),
                    failure.length() > 160 ? failure.substring(0, 159) + "…" : failure);
        }
        out.println("replay one failure with: ./newsflow dead-letters replay FINGERPRINT   (or --all)");
    }
}
