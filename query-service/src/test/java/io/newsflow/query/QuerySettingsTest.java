package io.newsflow.query;

import io.newsflow.query.http.QueryConfig;
import io.newsflow.query.pipeline.PipelineConfig;
import io.newsflow.settings.SettingsCustomizer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The start-up check of query's settings, on its real mappings read by SmallRye Config as Quarkus reads them. */
class QuerySettingsTest {

    @Test
    void zeroKeepsItsDocumentedMeaningForTheWatermarkAndTheStaleness() {
        QueryConfig config = read(Map.of("newsflow.query.watermark-refresh", "PT0S", "newsflow.query.max-staleness", "0s"))
                .getConfigMapping(QueryConfig.class);

        assertEquals(Duration.ZERO, config.watermarkRefresh());
        assertEquals(Duration.ZERO, config.maxStaleness());
    }

    @Test
    void negativeOrEndlessDurationsAreRefused() {
        assertEquals(List.of(
                        "NEWSFLOW_QUERY_MAX_STALENESS=PT2H is not allowed: must be a duration between 0s and 1h, e.g. 2s, 500ms or PT2S",
                        "NEWSFLOW_QUERY_PIPELINE_REFRESH=PT0S is not allowed: must be a duration between 100ms and 1d, e.g. 2s, 500ms or PT2S",
                        "NEWSFLOW_QUERY_WATERMARK_REFRESH=PT-1S is not allowed: must be a duration between 0s and 1h, e.g. 2s, 500ms or PT2S"),
                problems(Map.of("newsflow.query.watermark-refresh", "-PT1S", "newsflow.query.max-staleness", "2h",
                        "newsflow.query.pipeline-refresh", "0s")).stream().sorted().toList());
    }

    @Test
    void theIngestUrlMustBeCallable() {
        assertEquals(List.of("NEWSFLOW_INGEST_URL=ingest:8081 is not allowed: must be an http(s) base URL such as http://ingest:8081"),
                problems(Map.of("newsflow.ingest.url", "ingest:8081")));
        assertEquals("ingest", read(Map.of("newsflow.ingest.url", "http://ingest:8081")).getConfigMapping(PipelineConfig.class)
                .ingest().url().getHost());
    }

    @Test
    void topicsAreKafkaNames() {
        assertEquals(List.of("NEWSFLOW_TOPIC_RAW=raw/v1 is not allowed: must be a Kafka topic name: 1 to 249 letters, digits, '.', '_'"
                        + " or '-'"),
                problems(Map.of("newsflow.topic.raw", "raw/v1")));
    }

    private static SmallRyeConfig read(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(QueryConfig.class)
                .withMapping(PipelineConfig.class);
        new SettingsCustomizer().configBuilder(builder);
        return builder.build();
    }

    private static List<String> problems(Map<String, String> values) {
        ConfigValidationException failure = assertThrows(ConfigValidationException.class, () -> read(values));
        return IntStream.range(0, failure.getProblemCount()).mapToObj(i -> failure.getProblem(i).getMessage()).toList();
    }
}
