package io.newsflow.query;

import io.newsflow.stack.TestStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The polling load of issue #5: {@value #ARTICLES} synthetic articles (90 days, 10 languages, 200
 * sources, 45 themes, 20,000 entities with a long tail) loaded by SQL into the real PostgreSQL, then
 * {@value #CLIENTS} concurrent clients per endpoint against the running service. Prints and writes
 * p50/p99 and requests per second to target/polling-benchmark.md. Run with
 * {@code ./mvnw -B -Pbench verify -pl query-service -am -Dtest=PollingBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.watermark-refresh=PT0.25S -Dbench.max-staleness=PT2S} (production's defaults); results go to docs/benchmarks.md.
 */
@QuarkusTest
@TestProfile(PeriodicWatermark.class)
class PollingBenchmark {

    static final int ARTICLES = Integer.getInteger("bench.articles", 1_000_000);
    static final int CLIENTS = Integer.getInteger("bench.clients", 50);
    private static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warmup", 3));
    private static final Duration MEASURED = Duration.ofSeconds(Long.getLong("bench.seconds", 8));
    /** How often each polling client asks, as a dashboard refreshing every second would. */
    private static final Duration POLL = Duration.ofMillis(Long.getLong("bench.poll", 1000));
    /** Requests per endpoint of the cold run: one client, each request a reload after a data change, so computed anew. */
    private static final int COLD = Integer.getInteger("bench.cold", 40);

    /** How the clients ask: at a dashboard's pace, as fast as they can, or one at a time with uncached questions. */
    enum Mode { POLL, FLOOD, COLD }

    @TestHTTPResource("/")
    URI base;

    record Result(String name, Mode mode, boolean conditional, double perSecond, double p50, double p99, long errors) {
    }

    @Test
    void pollingAtScale() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long loading = System.nanoTime();
        String topEntity = load(now);
        double loadSeconds = (System.nanoTime() - loading) / 1e9;

        String day = "from=" + now.minus(Duration.ofHours(24));
        String week = "from=" + now.minus(Duration.ofDays(7));
        String month = "from=" + now.minus(Duration.ofDays(30));
        List<String[]> endpoints = List.of(
                new String[]{"stats", "/api/v1/stats"},
                new String[]{"timeline, all (auto: 1d)", "/api/v1/timeline"},
                new String[]{"timeline, 24 h (15m)", "/api/v1/timeline?" + day},
                new String[]{"timeline, 7 d by language (1h)", "/api/v1/timeline?groupBy=language&" + week},
                new String[]{"timeline, 7 d by entity (1h)", "/api/v1/timeline?groupBy=entity&" + week},
                new String[]{"timeline, 7 d of one entity", "/api/v1/timeline?entity=" + topEntity + "&" + week},
                new String[]{"top people, all", "/api/v1/entities/top?type=PERSON"},
                new String[]{"top entities, 24 h", "/api/v1/entities/top?" + day},
                new String[]{"top entities, 30 d", "/api/v1/entities/top?" + month},
                new String[]{"top themes, 7 d", "/api/v1/themes/top?" + week},
                new String[]{"languages, all", "/api/v1/languages"},
                new String[]{"top sources, 24 h", "/api/v1/sources/top?" + day},
                new String[]{"related entities, 7 d", "/api/v1/entities/" + topEntity + "/related?" + week},
                new String[]{"top themes, 24 h, language=de (base tables)", "/api/v1/themes/top?language=de&" + day},
                new String[]{"articles, newest 20", "/api/v1/articles"});
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Result> results = new ArrayList<>();
        // New data every second, as under steady ingestion: every ETag and cached answer goes stale each second.
        Thread ingestion = new Thread(() -> bumpWatermarkEverySecond());
        ingestion.setDaemon(true);
        ingestion.start();
        try {
            for (String[] endpoint : endpoints) {
                results.add(drive(client, endpoint[0], endpoint[1], Mode.COLD, false));
                results.add(drive(client, endpoint[0], endpoint[1], Mode.POLL, false));
            }
        } finally {
            ingestion.interrupt();
        }
        ingestion.join();
        // The flood sends one fixed tag: the last data change must have reached the service's watermark first.
        Thread.sleep(1000);
        results.add(drive(client, "top themes, 7 d", "/api/v1/themes/top?" + week, Mode.FLOOD, true));
        results.add(drive(client, "stats", "/api/v1/stats", Mode.FLOOD, true));

        StringBuilder report = new StringBuilder();
        report.append(String.format("%,d articles loaded and rolled up in %.0f s. cold: 1 client, %d requests each after a data"
                        + " change, sent as reloads (Cache-Control: no-cache), so each is computed; poll: %d clients each asking"
                        + " every %d ms while the data changes every second, staleness bound %s; flood: %d clients as fast as they"
                        + " can with If-None-Match. %d s measured after %d s warm-up.%n%n",
                ARTICLES, loadSeconds, COLD, CLIENTS, POLL.toMillis(), System.getProperty("bench.max-staleness", "PT0S"), CLIENTS,
                MEASURED.toSeconds(), WARM_UP.toSeconds()));
        report.append("| endpoint | mode | answer | req/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            report.append(String.format("| %s | %s | %s | %,.0f | %.1f | %.1f | %d |%n", r.name(), r.mode().name().toLowerCase(),
                    r.conditional() ? "304" : "200", r.perSecond(), r.p50(), r.p99(), r.errors()));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "polling-benchmark.md"), report);
        results.forEach(r -> assertEquals(0, r.errors(), r.name() + ": answers other than 200/304"));
    }

    /** Articles spread over the 90 days before {@code now}; returns the most mentioned entity. */
    private static String load(Instant now) throws Exception {
        TestStack stack = TestStack.get();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.access().ownerUser(), stack.access().ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            // The one-off recount sorts tens of millions of rows: in memory rather than in temporary files.
            s.execute("SET work_mem = '512MB'");
            s.execute("SELECT setseed(0.42)");
            s.execute("INSERT INTO named_entity (id, type, name) SELECT (ARRAY['person','organization','location'])[1 + i % 3] || '/e' || i,"
                    + " (ARRAY['PERSON','ORGANIZATION','LOCATION'])[1 + i % 3], 'Entity ' || i FROM generate_series(0, 19999) i");
            s.execute("INSERT INTO article (id, title, body, source, published_at, ingested_at, language, language_confidence)"
                    + " SELECT md5('bench' || i), 'Synthetic article ' || i, 'Body of synthetic article ' || i || ' about nothing in particular.',"
                    + " 'Source ' || floor(200 * random() ^ 2)::int,"
                    + " timestamptz '" + now + "' - random() * interval '90 days', timestamptz '" + now + "',"
                    + " (ARRAY['en','en','en','en','ru','ru','zh','de','fr','ko'])[1 + floor(random() * 10)::int], 0.99"
                    + " FROM generate_series(1, " + ARTICLES + ") i");
            // Five entity draws per article from a long-tailed distribution (a few entities in most articles).
            s.execute("INSERT INTO article_entity (article_id, entity_id, entity_type, event_time, mentions, mention_starts, mention_ends)"
                    + " SELECT DISTINCT ON (a.id, e.i) a.id, (ARRAY['person','organization','location'])[1 + e.i % 3] || '/e' || e.i,"
                    + " (ARRAY['PERSON','ORGANIZATION','LOCATION'])[1 + e.i % 3], a.event_time, 1, '{0}', '{1}'"
                    + " FROM article a CROSS JOIN LATERAL (SELECT floor(20000 * random() ^ 3)::int + (a.seq * 0)::int AS i"
                    + " FROM generate_series(1, 5)) e");
            s.execute("INSERT INTO article_theme (article_id, theme, event_time, score, phrase_starts, phrase_ends, taxonomy_version)"
                    + " SELECT DISTINCT ON (a.id, t.k) a.id, 'THEME_' || t.k, a.event_time, 1.0, '{0}', '{1}', 'bench'"
                    + " FROM article a CROSS JOIN LATERAL (SELECT floor(45 * random() ^ 2)::int + (a.seq * 0)::int AS k"
                    + " FROM generate_series(1, 2)) t");
            s.execute("SELECT rollup_rebuild()");
            s.execute("ANALYZE");
            try (ResultSet rs = s.executeQuery("SELECT key FROM rollup_total WHERE dim IN ('person','organization','location')"
                    + " ORDER BY articles DESC LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void bumpWatermarkEverySecond() {
        TestStack stack = TestStack.get();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.access().ownerUser(), stack.access().ownerPassword());
             Statement s = c.createStatement()) {
            while (!Thread.currentThread().isInterrupted()) {
                s.execute("SELECT data_changed()");
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Result drive(HttpClient client, String name, String path, Mode mode, boolean conditional) throws Exception {
        if (mode == Mode.COLD) {
            return cold(client, name, path);
        }
        URI uri = base.resolve(path);
        String tag = conditional ? client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElseThrow() : null;
        long warmEnd = System.nanoTime() + WARM_UP.toNanos();
        long end = warmEnd + MEASURED.toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[CLIENTS];
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int t = 0; t < CLIENTS; t++) {
            long[] mine = new long[100_000];
            latencies.add(mine);
            int index = t;
            Thread thread = new Thread(() -> {
                HttpRequest.Builder request = HttpRequest.newBuilder(uri);
                if (tag != null) {
                    request.header("If-None-Match", tag);
                }
                HttpRequest built = request.build();
                try {
                    long now;
                    long next = System.nanoTime() + (long) (Math.random() * POLL.toNanos());
                    while ((now = System.nanoTime()) < end) {
                        if (mode == Mode.POLL) {
                            if (now < next) {
                                Thread.sleep(Math.max(1, (next - now) / 1_000_000));
                                continue;
                            }
                            next += POLL.toNanos();
                        }
                        HttpResponse<Void> response = client.send(built, HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - now;
                        if (response.statusCode() != (conditional ? 304 : 200)) {
                            errors.incrementAndGet();
                        }
                        if (now >= warmEnd && counts[index] < mine.length) {
                            mine[counts[index]++] = took;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < CLIENTS; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        return result(name, mode, conditional, all, total / (double) MEASURED.toSeconds(), errors.get());
    }

    /** One client, one request at a time, each after a data change, so nothing is answered from cache. */
    private Result cold(HttpClient client, String name, String path) throws Exception {
        long[] took = new long[COLD];
        long errors = 0;
        long busy = 0;
        URI uri = base.resolve(path);
        TestStack stack = TestStack.get();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.access().ownerUser(), stack.access().ownerPassword());
             Statement s = c.createStatement()) {
            for (int i = 0; i < COLD; i++) {
                s.execute("SELECT data_changed()");
                // Longer than the watermark period (-Dbench.watermark-refresh, production's 250 ms): the service has seen the change.
                Thread.sleep(400);
                long at = System.nanoTime();
                // A reload: computed now, never the previous answer served within the staleness bound.
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).header("Cache-Control", "no-cache").build(),
                        HttpResponse.BodyHandlers.discarding());
                took[i] = System.nanoTime() - at;
                busy += took[i];
                errors += response.statusCode() == 200 ? 0 : 1;
            }
        }
        return result(name, Mode.COLD, false, took, COLD / (busy / 1e9), errors);
    }

    private static Result result(String name, Mode mode, boolean conditional, long[] latencies, double perSecond, long errors) {
        Arrays.sort(latencies);
        int n = latencies.length;
        double p50 = n == 0 ? 0 : latencies[n / 2] / 1e6;
        double p99 = n == 0 ? 0 : latencies[Math.min(n - 1, (int) (n * 0.99))] / 1e6;
        return new Result(name, mode, conditional, perSecond, p50, p99, errors);
    }
}
