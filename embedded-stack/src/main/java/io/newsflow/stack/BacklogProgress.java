package io.newsflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * {@code ./newsflow run}'s progress lines: while anything is pending, one line every few seconds from
 * query-service's {@code /api/v1/stats} (files waiting → in Kafka → stored, rate, time left), one line
 * when the backlog is cleared, and nothing while the pipeline is idle.
 */
final class BacklogProgress {

    static final Duration PERIOD = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final URI stats;
    private final String apiKey;
    private final Consumer<String> say;
    private boolean pending;

    BacklogProgress(int queryPort, String apiKey, Consumer<String> say) {
        this.stats = URI.create("http://127.0.0.1:" + queryPort + "/api/v1/stats");
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.say = say;
    }

    /** Reports on a daemon thread until {@code stopping} is true. */
    void start(BooleanSupplier stopping) {
        Thread thread = new Thread(() -> {
            while (!stopping.getAsBoolean()) {
                try {
                    Thread.sleep(PERIOD.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                if (!stopping.getAsBoolean()) {
                    poll();
                }
            }
        }, "newsflow-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        HttpRequest.Builder request = HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(5));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                next(JSON.readTree(response.body())).ifPresent(say);
            }
        } catch (IOException e) {
            // query-service restarting (the supervisor says so): the next period tries again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The line for this answer, if any: remembers whether work was pending, to say once when it is done. */
    Optional<String> next(JsonNode stats) {
        JsonNode pipeline = stats.path("pipeline");
        long pendingNow = pipeline.path("pending").asLong(0);
        if (pendingNow == 0) {
            boolean was = pending;
            pending = false;
            return was ? Optional.of("backlog cleared: " + count(stats.path("articles").asLong()) + " articles stored") : Optional.empty();
        }
        pending = true;
        StringBuilder line = new StringBuilder("backlog: ")
                .append(number(pipeline.path("filesWaiting"))).append(" files waiting → ")
                .append(number(pipeline.path("articlesWaiting"))).append(" articles in Kafka → ")
                .append(count(stats.path("articles").asLong())).append(" stored");
        JsonNode rate = pipeline.path("articlesPerSecond");
        if (rate.isNumber()) {
            line.append(String.format(Locale.ROOT, ", %.1f articles/s", rate.asDouble()));
        }
        JsonNode left = pipeline.path("secondsLeft");
        line.append(left.isNumber() ? ", about " + duration(left.asLong()) + " left" : ", time left unknown");
        if (pipeline.path("deadLettered").asLong(0) > 0) {
            line.append(", ").append(count(pipeline.path("deadLettered").asLong())).append(" dead-lettered");
        }
        return Optional.of(line.toString());
    }

    /** A null number is a part query-service could not ask (its reason is in /stats). */
    private static String number(JsonNode value) {
        return value.isNumber() ? count(value.asLong()) : "?";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
