package io.newsflow.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * {@code ./newsflow failed}: the files ingest could not take, with their reasons, and their requeue into the inbox,
 * through ingest-service's admin API ({@code /admin/failed}; docs/operations.md, "Failed files"). It talks to the
 * local run ({@code NEWSFLOW_INGEST_PORT}) or, with {@code --url} or {@code NEWSFLOW_INGEST_URL}, to any deployment.
 */
public final class FailedFilesCommand {

    static final String USAGE = """
            usage: ./newsflow failed [list] [--reason R] [--limit N]   list failed files, newest first, with their reasons
                   ./newsflow failed requeue --all                     move every failed file back into the inbox
                   ./newsflow failed requeue --reason R                … those that failed for reason R (e.g. invalid-json)
                   ./newsflow failed requeue NAME...                   … the files named (as the list shows them)
              --url URL   ingest-service's address (else NEWSFLOW_INGEST_URL, else http://127.0.0.1:${NEWSFLOW_INGEST_PORT:-8081});
                          NEWSFLOW_ADMIN_API_KEY is sent when set""";

    private static final int MESSAGE_WIDTH = 100;

    private FailedFilesCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** @return the exit code: 0 done, 1 ingest refused or is not running, 2 a usage error */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("newsflow: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String base = baseUrl(options.url, env) + "/admin/failed";
        HttpRequest.Builder request = options.requeue
                ? HttpRequest.newBuilder(URI.create(base + "/requeue?" + options.selector())).POST(HttpRequest.BodyPublishers.noBody())
                : HttpRequest.newBuilder(URI.create(base + "?" + options.listQuery())).GET();
        Optional<JsonNode> body = AdminCall.send(request, env, "ingest-service",
                "is ./newsflow run running? NEWSFLOW_INGEST_PORT, NEWSFLOW_INGEST_URL or --url?", err);
        if (body.isEmpty()) {
            return 1;
        }
        if (options.requeue) {
            printRequeued(body.get(), out);
        } else {
            printList(body.get(), options.reason, out);
        }
        return 0;
    }

    private static String baseUrl(String url, Map<String, String> env) {
        String chosen = url != null ? url : env.get("NEWSFLOW_INGEST_URL");
        if (chosen == null || chosen.isBlank()) {
            chosen = "http://127.0.0.1:" + env.getOrDefault("NEWSFLOW_INGEST_PORT", "8081");
        }
        return chosen.replaceAll("/+$", "");
    }

    private static void printList(JsonNode list, String reason, PrintStream out) {
        JsonNode items = list.path("items");
        StringJoiner reasons = new StringJoiner(", ");
        list.path("reasons").fields().forEachRemaining(e -> reasons.add(e.getKey() + " " + e.getValue().asLong()));
        if (items.isEmpty()) {
            out.println(reason == null ? "no failed files" : "no failed files with reason " + reason
                    + (reasons.length() == 0 ? "" : " (reasons now: " + reasons + ")"));
            return;
        }
        out.printf("%-40s %-18s %10s  %-24s %s%n", "NAME", "REASON", "BYTES", "FAILED AT", "MESSAGE");
        for (JsonNode item : items) {
            String message = item.path("message").asText("").replaceAll("\\s+", " ");
            out.printf("%-40s %-18s %10d  %-24s %s%n", item.path("name").asText(), item.path("reason").asText(),
                    item.path("size").asLong(), item.path("failedAt").asText(),
                    message.length() > MESSAGE_WIDTH ? message.substring(0, MESSAGE_WIDTH - 1) + "…" : message);
        }
        long total = list.path("total").asLong();
        if (total > items.size()) {
            out.println("showing the newest " + items.size() + " of " + total + " (--limit N shows up to 1000)");
        }
        out.println("by reason: " + reasons);
        out.println("requeue with: ./newsflow failed requeue NAME...   (or --reason R, or --all)");
    }

    private static void printRequeued(JsonNode result, PrintStream out) {
        JsonNode requeued = result.path("requeued");
        out.println("requeued " + requeued.size() + " file(s) into the inbox" + (requeued.isEmpty() ? "" : ":"));
        for (JsonNode file : requeued) {
            String name = file.path("name").asText();
            String inboxName = file.path("inboxName").asText();
            out.println("  " + name + (name.equals(inboxName) ? "" : "  (as " + inboxName + ": the inbox held that name)"));
        }
        JsonNode gone = result.path("gone");
        if (!gone.isEmpty()) {
            List<String> names = new ArrayList<>();
            gone.forEach(n -> names.add(n.asText()));
            out.println(gone.size() + " file(s) already gone (requeued or deleted elsewhere): " + String.join(", ", names));
        }
    }

    /** The parsed command line: list (with filter and limit) or requeue (with exactly one selector). */
    private static final class Options {
        boolean requeue;
        boolean all;
        String reason;
        String limit;
        String url;
        final List<String> names = new ArrayList<>();

        static Options parse(List<String> args) {
            Options o = new Options();
            Iterator<String> it = args.iterator();
            boolean subcommand = false;
            while (it.hasNext()) {
                String arg = it.next();
                // Options may come first (--url URL list); after the subcommand a word is a file name.
                if (!subcommand && o.names.isEmpty() && (arg.equals("list") || arg.equals("requeue"))) {
                    o.requeue = arg.equals("requeue");
                    subcommand = true;
                } else if (arg.equals("--reason")) {
                    o.reason = value(it, arg);
                } else if (arg.equals("--url")) {
                    o.url = value(it, arg);
                } else if (arg.equals("--limit")) {
                    o.limit = value(it, arg);
                } else if (arg.equals("--all")) {
                    o.all = true;
                } else if (arg.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + arg);
                } else {
                    o.names.add(arg);
                }
            }
            if (!o.requeue && (o.all || !o.names.isEmpty())) {
                throw new IllegalArgumentException("--all and names are for 'requeue'");
            }
            if (o.requeue && o.limit != null) {
                throw new IllegalArgumentException("--limit is for 'list'");
            }
            if (o.requeue && (o.all ? 1 : 0) + (o.reason != null ? 1 : 0) + (o.names.isEmpty() ? 0 : 1) != 1) {
                throw new IllegalArgumentException("say which files to requeue: --all, --reason R or their names (one of them)");
            }
            return o;
        }

        private static String value(Iterator<String> it, String option) {
            if (!it.hasNext()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return it.next();
        }

        String listQuery() {
            StringJoiner query = new StringJoiner("&");
            if (reason != null) {
                query.add("reason=" + encode(reason));
            }
            if (limit != null) {
                query.add("limit=" + encode(limit));
            }
            return query.toString();
        }

        String selector() {
            if (all) {
                return "all=true";
            }
            if (reason != null) {
                return "reason=" + encode(reason);
            }
            StringJoiner query = new StringJoiner("&");
            names.forEach(n -> query.add("name=" + encode(n)));
            return query.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
