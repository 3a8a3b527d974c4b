package io.newsflow.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./newsflow dead-letters}: the dead letters of the running local stack, grouped by failure, and
 * their replay, through enrich-service's admin API (docs/operations.md, "Failures and dead letters").
 */
public final class DeadLettersCommand {

    static final String USAGE = """
            usage: ./newsflow dead-letters                      list dead letters by failure (fingerprint)
                   ./newsflow dead-letters replay FINGERPRINT   publish one failure's pending dead letters again
                   ./newsflow dead-letters replay --all         publish every pending dead letter again""";

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
        Optional<JsonNode> body = AdminCall.send(request, env, "enrich-service", "is ./newsflow run running? NEWSFLOW_ENRICH_PORT?", err);
        if (body.isEmpty()) {
            return 1;
        }
        if (args.isEmpty()) {
            print(body.get(), out);
        } else {
            out.println("replayed " + body.get().path("replayed").asLong() + " dead letters to the raw topic; "
                    + body.get().path("alreadyStored").asLong() + " skipped, stored since");
        }
        return 0;
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
