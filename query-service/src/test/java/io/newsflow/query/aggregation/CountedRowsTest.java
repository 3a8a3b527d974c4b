package io.newsflow.query.aggregation;

import io.newsflow.query.StoredArticles;
import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.sql.Rows;
import io.newsflow.query.time.TimeRange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rollups are only an optimisation: for windows with ends on and off bucket edges, open or not, and
 * every dimension, rankings ({@link RankingRepository}, at limits that prune and one that does not) and
 * bucket sums read through {@link CountedRows} must equal a plain count of the base tables.
 */
@QuarkusTest
class CountedRowsTest {

    private static final Instant START = Instant.parse("2024-06-17T00:00:00Z");
    private static final long SPAN = 9 * 86_400;
    private static final String[] LANGUAGES = {"en", "de", "ko"};
    private static final String[] THEMES = {"MILITARY", "SANCTIONS", "SPACE", "DIPLOMACY"};
    private static final int TAIL = 40;
    private static final String[] ENTITIES = {"person/a", "person/b", "organization/c", "location/d", "location/e"};

    /** Rankings down to one value, where the top-k pruning decides most, and one with room for every value. */
    private static final int[] LIMITS = {1, 2, 3, 5, 1000};

    @Inject
    EntityManager em;

    @Inject
    RankingRepository rankings;

    @BeforeEach
    void articles() {
        StoredArticles.clear();
        Random random = new Random(7);
        for (String entity : ENTITIES) {
            StoredArticles.entity(entity, entity.substring(0, entity.indexOf('/')).toUpperCase(), entity);
        }
        for (int j = 0; j < TAIL; j++) {
            StoredArticles.entity("person/t" + j, "PERSON", "Tail " + j);
        }
        List<StoredArticles.Fixture> fixtures = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Instant at = START.plusSeconds((long) (random.nextDouble() * SPAN));
            fixtures.add(StoredArticles.article("rollup-" + i, "Title " + i, "Body " + i, at.plusSeconds(60)).publishedAt(at)
                    .language(LANGUAGES[random.nextInt(LANGUAGES.length)]).source("Source " + random.nextInt(4)));
        }
        StoredArticles.store(fixtures.toArray(StoredArticles.Fixture[]::new));
        for (StoredArticles.Fixture f : fixtures) {
            for (String theme : THEMES) {
                if (random.nextInt(3) == 0) {
                    StoredArticles.theme(f.id(), theme, 1.0);
                }
            }
            for (String entity : ENTITIES) {
                if (random.nextInt(3) == 0) {
                    StoredArticles.mention(f.id(), entity, 1);
                }
            }
            // A long tail of people, a few of them in many articles, as in news: small limits prune most.
            Set<Integer> drawn = new TreeSet<>();
            for (int d = 0; d < 3; d++) {
                drawn.add((int) (TAIL * Math.pow(random.nextDouble(), 3)));
            }
            drawn.forEach(j -> StoredArticles.mention(f.id(), "person/t" + j, 1));
        }
    }

    @Test
    @Transactional
    void rankingsAndBucketsEqualCountsOfTheBaseTables() {
        Random random = new Random(11);
        List<TimeRange> windows = new ArrayList<>(List.of(new TimeRange(null, null),
                new TimeRange(Instant.parse("2024-06-18T00:00:00Z"), Instant.parse("2024-06-21T00:00:00Z")),
                new TimeRange(Instant.parse("2024-06-18T10:15:00Z"), null),
                new TimeRange(null, Instant.parse("2024-06-22T03:00:00Z"))));
        for (int i = 0; i < 25; i++) {
            Instant a = START.plusSeconds((long) (random.nextDouble() * SPAN));
            Instant b = START.plusSeconds((long) (random.nextDouble() * SPAN));
            windows.add(new TimeRange(a.isBefore(b) ? a : b, a.isBefore(b) ? b : a.plusSeconds(1)));
        }
        for (TimeRange window : windows) {
            List<ArticleFilter> filters = List.of(new ArticleFilter(window, null, null, null, null),
                    new ArticleFilter(window, "de", null, null, null), new ArticleFilter(window, null, "Source 2", null, null),
                    new ArticleFilter(window, null, null, "SPACE", null), new ArticleFilter(window, null, null, null, "location/d"),
                    new ArticleFilter(window, "en", null, "MILITARY", null));
            for (ArticleFilter filter : filters) {
                for (Dimension dimension : Dimension.values()) {
                    for (int limit : LIMITS) {
                        assertEquals(oracle(filter, dimension, null, limit), ranking(filter, dimension, null, limit),
                                filter + " " + dimension + " limit " + limit);
                    }
                }
                for (int limit : LIMITS) {
                    assertEquals(oracle(filter, Dimension.ENTITY, "LOCATION", limit), ranking(filter, Dimension.ENTITY, "LOCATION", limit),
                            filter + " limit " + limit);
                }
                if (window.from() != null && window.to() != null) {
                    for (long width : new long[]{900, 3600, 86_400, 604_800}) {
                        assertEquals(oracleBuckets(filter, width), buckets(filter, width), filter + " width " + width);
                    }
                }
            }
        }
    }

    @Test
    void openTimelinesEndAtTheFirstAndLastMatchingArticle() {
        String[][] conditions = {{"entity", "location/d"}, {"theme", "SPACE"}, {"language", "de"}, {"source", "Source 2"}};
        String[][] windows = {{null, null}, {"2024-06-18T10:07:00Z", null}, {null, "2024-06-22T03:05:00Z"}};
        for (String[] condition : conditions) {
            for (String[] window : windows) {
                var request = given().queryParam(condition[0], condition[1]).queryParam("interval", "1d");
                NativeSql oracle = new NativeSql("SELECT min(a.event_time) AS earliest, max(a.event_time) AS latest FROM article a WHERE true");
                ArticleFilter filter = ArticleFilter.parse(window[0], window[1], condition[0].equals("language") ? condition[1] : null,
                        condition[0].equals("source") ? condition[1] : null, condition[0].equals("theme") ? condition[1] : null,
                        condition[0].equals("entity") ? condition[1] : null);
                filter.appendTo(oracle, Rows.ARTICLES);
                var extent = QuarkusTransaction.requiringNew().call(() -> oracle.list(em).get(0));
                if (window[0] != null) {
                    request.queryParam("from", window[0]);
                }
                if (window[1] != null) {
                    request.queryParam("to", window[1]);
                }
                var timeline = request.get("/api/v1/timeline").then().statusCode(200).extract().jsonPath();
                String what = condition[0] + "=" + condition[1] + " " + Arrays.toString(window);
                assertEquals(window[0] != null ? window[0] : extent.get("earliest", Instant.class).toString(), timeline.getString("from"), what);
                assertEquals(window[1] != null ? window[1] : extent.get("latest", Instant.class).plusNanos(1000).toString(),
                        timeline.getString("to"), what);
            }
        }
    }

    private List<RankingRepository.Ranked> ranking(ArticleFilter filter, Dimension dimension, String type, int limit) {
        return rankings.top(filter, dimension, type, limit);
    }

    /** The plain count's {@code limit} largest, most first, ties by value. */
    private List<RankingRepository.Ranked> oracle(ArticleFilter filter, Dimension dimension, String type, int limit) {
        return oracle(filter, dimension, type).entrySet().stream().map(e -> new RankingRepository.Ranked(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(RankingRepository.Ranked::articles).reversed().thenComparing(RankingRepository.Ranked::key))
                .limit(limit).toList();
    }

    private Map<String, Long> oracle(ArticleFilter filter, Dimension dimension, String type) {
        Rows rows = dimension.rows();
        NativeSql sql = new NativeSql("SELECT " + dimension.key() + " AS key, count(*) AS articles FROM " + rows.table()
                + " WHERE " + dimension.key() + " IS NOT NULL" + (type != null ? " AND g.entity_type = '" + type + "'" : ""));
        filter.appendTo(sql, rows);
        return sql.append(" GROUP BY 1").list(em).stream()
                .collect(Collectors.toMap(t -> t.get("key", String.class), t -> t.get("articles", Long.class), Long::sum, TreeMap::new));
    }

    private Map<Long, Long> buckets(ArticleFilter filter, long width) {
        return CountedRows.of(filter, null, null, null, width)
                .wrap("SELECT floor(extract(epoch FROM t) / " + width + ")::bigint AS bucket, CAST(sum(n) AS bigint) AS articles FROM (",
                        ") b GROUP BY 1 HAVING sum(n) > 0")
                .list(em).stream()
                .collect(Collectors.toMap(t -> t.get("bucket", Long.class), t -> t.get("articles", Long.class), Long::sum, TreeMap::new));
    }

    private Map<Long, Long> oracleBuckets(ArticleFilter filter, long width) {
        NativeSql sql = new NativeSql("SELECT floor(extract(epoch FROM a.event_time) / " + width + ")::bigint AS bucket, count(*) AS articles"
                + " FROM article a WHERE true");
        filter.appendTo(sql, Rows.ARTICLES);
        return sql.append(" GROUP BY 1").list(em).stream()
                .collect(Collectors.toMap(t -> t.get("bucket", Long.class), t -> t.get("articles", Long.class), Long::sum, TreeMap::new));
    }
}
