package io.newsflow.query.timeline;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.newsflow.query.Newsroom.KIM;
import static io.newsflow.query.Newsroom.PYONGYANG;
import static io.newsflow.query.Newsroom.UN;
import static io.newsflow.query.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TimelineResourceTest {

    private static final String PATH = "/api/v1/timeline";

    @BeforeEach
    void newsroom() {
        StoredArticles.clear();
        Newsroom.store();
    }

    private static ValidatableResponse timeline(Map<String, ?> parameters) {
        return given().queryParams(parameters).get(PATH).then().statusCode(200);
    }

    @Test
    void countsPerHourWithEmptyBucketsFilled() {
        timeline(Map.of("interval", "1h", "from", "2024-06-20T10:00:00Z", "to", "2024-06-20T13:00:00Z"))
                .body("interval", equalTo("1h"))
                .body("from", equalTo("2024-06-20T10:00:00Z"))
                .body("to", equalTo("2024-06-20T13:00:00Z"))
                .body("buckets.start", contains("2024-06-20T10:00:00Z", "2024-06-20T11:00:00Z", "2024-06-20T12:00:00Z"))
                .body("buckets.count", contains(3, 0, 1))
                .body("$", not(hasKey("series")));
    }

    @Test
    void bucketsAlignToTheIntervalNotToFrom() {
        // 10:30 falls in the 10:00 bucket; a1 (10:05) is outside the window and not counted.
        timeline(Map.of("interval", "1h", "from", "2024-06-20T10:30:00Z", "to", "2024-06-20T12:30:00Z"))
                .body("buckets.start", contains("2024-06-20T10:00:00Z", "2024-06-20T11:00:00Z", "2024-06-20T12:00:00Z"))
                .body("buckets.count", contains(2, 0, 1));
        // weeks start on Monday: 2024-06-17
        timeline(Map.of("interval", "1w", "from", "2024-06-19", "to", "2024-06-30"))
                .body("buckets.start", contains("2024-06-17T00:00:00Z", "2024-06-24T00:00:00Z"))
                .body("buckets.count", contains(5, 0));
    }

    @Test
    void autoChoosesTheIntervalByWindowLengthAndEchoesIt() {
        List<Integer> quarterHours = timeline(Map.of("from", "2024-06-20", "to", "2024-06-22"))
                .body("interval", equalTo("15m")).body("buckets", hasSize(288))
                .body("buckets[40].start", equalTo("2024-06-20T10:00:00Z"))
                .body("buckets[40].count", equalTo(1))
                .body("buckets[42].count", equalTo(2))
                .extract().path("buckets.count");
        assertEquals(5, quarterHours.stream().mapToInt(Integer::intValue).sum());

        timeline(Map.of("from", "2024-06-20", "to", "2024-06-26"))
                .body("interval", equalTo("1h")).body("buckets", hasSize(168))
                .body("buckets[10].count", equalTo(3))
                .body("buckets[33].start", equalTo("2024-06-21T09:00:00Z"))
                .body("buckets[33].count", equalTo(1));

        timeline(Map.of("from", "2024-06-01", "to", "2024-06-30"))
                .body("interval", equalTo("1d")).body("buckets", hasSize(30))
                .body("buckets[19].start", equalTo("2024-06-20T00:00:00Z"))
                .body("buckets[19].count", equalTo(4))
                .body("buckets[20].count", equalTo(1))
                .body("buckets[21].count", equalTo(0));
    }

    @Test
    void autoTakesWeeksWhenDaysWouldBeTooMany() {
        timeline(Map.of("from", "2000-01-01", "to", "2024-12-31"))
                .body("interval", equalTo("1w"))
                .body("buckets[0].start", equalTo("1999-12-27T00:00:00Z"));
    }

    @Test
    void anOpenWindowSpansTheMatchingArticles() {
        // 2024-06-20T10:05 to 2024-06-21T09:00: under 72 hours, so quarter hours from 10:00 to the 09:00 bucket.
        timeline(Map.of())
                .body("interval", equalTo("15m"))
                .body("from", equalTo("2024-06-20T10:05:00Z"))
                .body("buckets", hasSize(93))
                .body("buckets[0].start", equalTo("2024-06-20T10:00:00Z"))
                .body("buckets[0].count", equalTo(1))
                .body("buckets[92].start", equalTo("2024-06-21T09:00:00Z"))
                .body("buckets[92].count", equalTo(1));
        timeline(Map.of("language", "ko"))
                .body("buckets.start", contains("2024-06-20T12:00:00Z"))
                .body("buckets.count", contains(1));
    }

    @Test
    void filtersCombine() {
        Map<String, String> window = Map.of("interval", "1h", "from", "2024-06-20T10:00:00Z", "to", "2024-06-20T13:00:00Z");
        timeline(with(window, "theme", "ARMEDCONFLICT")).body("buckets.count", contains(3, 0, 0));
        timeline(with(window, "entity", PYONGYANG)).body("buckets.count", contains(1, 0, 1));
        timeline(with(window, "source", "Yonhap")).body("buckets.count", contains(1, 0, 1));
        timeline(with(with(window, "language", "en"), "entity", UN)).body("buckets.count", contains(2, 0, 0));
    }

    @Test
    void groupsIntoSeriesLargestFirst() {
        Map<String, String> twoDays = Map.of("interval", "1d", "from", "2024-06-20", "to", "2024-06-21");
        timeline(with(twoDays, "groupBy", "language"))
                .body("interval", equalTo("1d"))
                .body("$", not(hasKey("buckets")))
                .body("series.key", contains("en", "de", "ko"))
                .body("series.total", contains(3, 1, 1))
                .body("series[0].buckets.start", contains("2024-06-20T00:00:00Z", "2024-06-21T00:00:00Z"))
                .body("series[0].buckets.count", contains(3, 0))
                .body("series[1].buckets.count", contains(0, 1))
                .body("series[2].buckets.count", contains(1, 0));
        timeline(with(twoDays, "groupBy", "theme"))
                .body("series.key", contains("ARMEDCONFLICT", "SANCTIONS"))
                .body("series[0].buckets.count", contains(3, 0))
                .body("series[1].buckets.count", contains(2, 0));
        timeline(with(twoDays, "groupBy", "entity"))
                .body("series.key", contains(KIM, UN, PYONGYANG))
                .body("series[1].buckets.count", contains(2, 1));
        timeline(with(twoDays, "groupBy", "source"))
                .body("series.key", contains("Wire", "Yonhap"))
                .body("series[0].buckets.count", contains(2, 1));
    }

    @Test
    void groupedSeriesAreLimitedToTheTopKeys() {
        timeline(Map.of("interval", "1d", "from", "2024-06-20", "to", "2024-06-21", "groupBy", "language", "limit", "2"))
                .body("series.key", contains("en", "de"));
        timeline(Map.of("interval", "1d", "from", "2024-06-20", "to", "2024-06-21", "groupBy", "entity", "theme", "SANCTIONS"))
                // a tie: ordered by key
                .body("series.key", contains(PYONGYANG, KIM))
                .body("series.total", contains(2, 2));
    }

    @Test
    void anEmptyStoreAnswersZeroFilledBucketsForAGivenWindowAndNoneForAnOpenOne() {
        StoredArticles.clear();
        timeline(Map.of("interval", "1d", "from", "2024-06-20", "to", "2024-06-22"))
                .body("buckets.count", contains(0, 0, 0));
        timeline(Map.of()).body("interval", equalTo("15m")).body("buckets", empty());
        timeline(Map.of("groupBy", "theme", "interval", "1h")).body("interval", equalTo("1h")).body("series", empty());
    }

    @Test
    void tooManyBucketsIsA400NamingTheParameter() {
        assertProblem(given().queryParams(Map.of("interval", "15m", "from", "2024-01-01", "to", "2024-06-20"))
                .get(PATH).then(), 400, PATH, "'interval'");
        // automatic: even weeks would exceed the bound
        assertProblem(given().queryParams(Map.of("from", "1800-01-01", "to", "2024-06-20")).get(PATH).then(),
                400, PATH, "'from'");
    }

    @ParameterizedTest
    @CsvSource({"interval, 2h", "interval, AUTO", "groupBy, author", "limit, 0", "limit, 1001", "limit, ten",
            "from, yesterday", "to, 2024-13-01", "language, english", "theme, a b", "entity, kim", "bucket, 1h"})
    void invalidOrUnknownParametersAreA400NamingThem(String name, String value) {
        assertProblem(given().queryParam(name, value).get(PATH).then(), 400, PATH, "'" + name + "'");
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(parameters);
        all.put(name, value);
        return all;
    }
}
