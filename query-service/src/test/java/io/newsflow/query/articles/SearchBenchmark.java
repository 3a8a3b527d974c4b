package io.newsflow.query.articles;

import io.newsflow.corpus.EvalData;
import io.newsflow.query.PeriodicWatermark;
import io.newsflow.stack.TestStack;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Full-text search at scale (issue #13): {@value #ARTICLES} articles of real sentences (lingua's test
 * sentences of 10 languages, six per article, read from ../shared/eval-data for measuring only) loaded
 * by SQL into the real PostgreSQL, their search vectors made by the schema's generated column; then one
 * client asks each search {@value #REQUESTS} times, the data watermark moved before each so that every
 * answer is computed (a reload alone is answered from the cache while the data has not changed). Prints
 * p50/p99 and the number of matching articles to target/search-benchmark.md. Run with
 * {@code ./mvnw -B -Pbench verify -pl query-service -am -Dtest=SearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * results go to docs/benchmarks.md.
 */
@QuarkusTest
@TestProfile(PeriodicWatermark.class)
class SearchBenchmark {

    static final int ARTICLES = Integer.getInteger("bench.articles", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 50);
    private static final List<String> LANGUAGES = List.of("en", "en", "en", "en", "ru", "de", "fr", "es", "zh", "ar");
    /** A made-up word put into {@value #RARE_ARTICLES} articles: the needle of a rare search. */
    private static final String RARE = "quizzaciously";
    private static final int RARE_ARTICLES = 20;
    /** One loading connection per core of the 2-core machine. */
    private static final int LOADERS = 2;
    /** Longer than PeriodicWatermark's refresh (20 ms): query-service has seen the moved watermark before the request. */
    private static final long WATERMARK_SEEN_MILLIS = 60;

    @TestHTTPResource("/")
    URI base;

    record Search(String name, String query) {
    }

    @Test
    void searchAtScale() throws Exception {
        assumeTrue(EvalData.dir("langid").isPresent(), "../shared/eval-data/langid is not next to the repository");
        long loading = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loading) / 1e9;

        List<Search> searches = List.of(
                new Search("common English word", "government"),
                new Search("common word, other forms (governments)", "governments"),
                new Search("common Russian word (case form)", "России"),
                new Search("common Chinese word (bigram)", "中国"),
                new Search("two words", "people government"),
                new Search("phrase", "\"the government\""),
                new Search("rare word", RARE));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StringBuilder report = new StringBuilder(String.format(
                "%,d articles (six real sentences each; en 40 %%, ru, de, fr, es, zh, ar 10 %% each) loaded in %.0f s;"
                        + " %d computed searches each (watermark moved before each), one client, limit 20.%n%n| search | q | matches | sort | p50 ms | p99 ms |%n"
                        + "| --- | --- | ---: | --- | ---: | ---: |%n", ARTICLES, loadSeconds, REQUESTS));
        for (Search search : searches) {
            long matches = matches(search.query());
            for (String sort : List.of("newest", "relevance")) {
                double[] p = drive(client, "/api/v1/articles?limit=20&sort=" + sort + "&q=" + URLEncoder.encode(search.query(), StandardCharsets.UTF_8));
                report.append(String.format("| %s | `%s` | %,d | %s | %.1f | %.1f |%n", search.name(), search.query(), matches, sort, p[0], p[1]));
            }
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "search-benchmark.md"), report);
        assertEquals(RARE_ARTICLES, matches(RARE));
    }

    /**
     * Two connections insert half the articles each (the search vector of every article is computed by
     * its language's stemmer: the load is CPU-bound, one core per connection), with the search index
     * dropped and built once afterwards: maintaining a GIN index row by row cost most of an hour at 1 M.
     */
    private static void load() throws Exception {
        TestStack stack = TestStack.get();
        String searchIndex;
        try (Connection c = owner(stack); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'article_search_idx'")) {
                rs.next();
                searchIndex = rs.getString(1);
            }
            s.execute("DROP INDEX article_search_idx");
        }
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
        List<Future<?>> halves = new ArrayList<>();
        for (int part = 0; part < LOADERS; part++) {
            int from = 1 + part * ARTICLES / LOADERS;
            int to = (part + 1) * ARTICLES / LOADERS;
            halves.add(loaders.submit(() -> {
                insert(stack, from, to, now);
                return null;
            }));
        }
        for (Future<?> half : halves) {
            half.get();
        }
        loaders.shutdown();
        try (Connection c = owner(stack); Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '1GB'");
            s.execute(searchIndex);
            s.execute("UPDATE article SET body = body || ' It was, the minister said, " + RARE + ".' WHERE seq IN"
                    + " (SELECT seq FROM article WHERE language = 'en' ORDER BY md5(id) LIMIT " + RARE_ARTICLES + ")");
            s.execute("SELECT data_changed()");
            s.execute("ANALYZE article");
        }
    }

    /** Articles {@code from..to} (inclusive), each of six random sentences of its language, the language by its number. */
    private static void insert(TestStack stack, int from, int to, String now) throws Exception {
        try (Connection c = owner(stack); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("CREATE TEMP TABLE bench_sentences (language text PRIMARY KEY, lines text[])");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_sentences VALUES (?, ?)")) {
                for (String language : LANGUAGES.stream().distinct().toList()) {
                    List<String> lines = Files.readAllLines(EvalData.dir("langid").orElseThrow().resolve(language + ".txt")).stream()
                            .map(String::strip).filter(l -> !l.isEmpty()).toList();
                    insert.setString(1, language);
                    insert.setArray(2, c.createArrayOf("text", lines.toArray()));
                    insert.executeUpdate();
                }
            }
            s.execute("SELECT setseed(" + (0.13 + from * 1e-9) + ")");
            String languages = "ARRAY['" + String.join("','", LANGUAGES) + "']";
            s.execute("INSERT INTO article (id, title, body, source, published_at, ingested_at, language, language_confidence)"
                    + " SELECT md5('search' || i), l.lines[1 + floor(random() * cardinality(l.lines))::int],"
                    + " array_to_string(ARRAY(SELECT l.lines[1 + floor(random() * cardinality(l.lines))::int + (i * 0)]"
                    + " FROM generate_series(1, 6)), ' '),"
                    + " 'Source ' || floor(200 * random() ^ 2)::int, timestamptz '" + now
                    + "' - random() * interval '90 days', now(), l.language, 0.99"
                    + " FROM generate_series(" + from + ", " + to + ") i"
                    + " JOIN bench_sentences l ON l.language = (" + languages + ")[1 + (i % " + LANGUAGES.size() + ")]");
        }
    }

    private static Connection owner(TestStack stack) throws Exception {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.access().ownerUser(), stack.access().ownerPassword());
    }

    private static long matches(String query) throws Exception {
        TestStack stack = TestStack.get();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.access().ownerUser(), stack.access().ownerPassword());
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM article a WHERE a.search_vector @@ newsflow_search_query(?)"
                     + " AND a.search_vector @@ websearch_to_tsquery(newsflow_search_config(a.language), ?)")) {
            String indexed = SearchText.indexed(query);
            count.setString(1, indexed);
            count.setString(2, indexed);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * p50 and p99 in ms of {@value #REQUESTS} searches, after five unmeasured ones, each computed: the
     * data watermark moves before each (outside the timing) and the request is a reload, so no answer
     * computed before is served, as for a dashboard's first poll after new articles arrived.
     */
    private double[] drive(HttpClient client, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Cache-Control", "no-cache").build();
        long[] took = new long[REQUESTS];
        try (Connection c = owner(TestStack.get()); Statement s = c.createStatement()) {
            for (int i = -5; i < REQUESTS; i++) {
                s.execute("SELECT data_changed()");
                Thread.sleep(WATERMARK_SEEN_MILLIS);
                long at = System.nanoTime();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                assertEquals(200, response.statusCode(), path);
                if (i >= 0) {
                    took[i] = System.nanoTime() - at;
                }
            }
        }
        Arrays.sort(took);
        return new double[]{took[REQUESTS / 2] / 1e6, took[Math.min(REQUESTS - 1, (int) (REQUESTS * 0.99))] / 1e6};
    }
}
