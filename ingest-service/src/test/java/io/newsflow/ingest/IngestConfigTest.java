package io.newsflow.ingest;

import io.newsflow.settings.SettingsCustomizer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The start-up check of ingest's settings, on the real mapping read by SmallRye Config as Quarkus reads it. */
class IngestConfigTest {

    @Test
    void theDefaultsAreAllowed() {
        IngestConfig config = read(Map.of());

        assertEquals(4, config.inbox().workers());
        assertEquals(20_971_520L, config.inbox().maxFileBytes());
        assertEquals(104_857_600L, config.inbox().zip().maxTotalBytes());
    }

    @Test
    void byteSizesTakeUnitsAndPlainNumbersAlike() {
        assertEquals(20_971_520L, read(Map.of("newsflow.inbox.max-file-bytes", "20M")).inbox().maxFileBytes());
        assertEquals(20_971_520L, read(Map.of("newsflow.inbox.max-file-bytes", "20MiB")).inbox().maxFileBytes());
        assertEquals(20_971_520L, read(Map.of("newsflow.inbox.max-file-bytes", "20971520")).inbox().maxFileBytes());
        assertEquals(1_048_576L, read(Map.of("newsflow.inbox.max-article-bytes", "1M")).inbox().maxArticleBytes());
        assertEquals(1L << 30, read(Map.of("newsflow.inbox.zip.max-total-bytes", "1G")).inbox().zip().maxTotalBytes());
    }

    @Test
    void countsBelowOneAreRefusedWithTheirVariable() {
        assertEquals(List.of("NEWSFLOW_INBOX_MAX_IN_FLIGHT=0 is not allowed: must be between 1 and 1000000"),
                problems(Map.of("newsflow.inbox.max-in-flight", "0")));
        assertEquals(List.of("NEWSFLOW_INBOX_WORKERS=0 is not allowed: must be between 1 and 256"),
                problems(Map.of("newsflow.inbox.workers", "0")));
        assertEquals(List.of("NEWSFLOW_INBOX_ZIP_MAX_RATIO=0 is not allowed: must be between 1 and 100000"),
                problems(Map.of("newsflow.inbox.zip.max-ratio", "0")));
    }

    @Test
    void everyBadSettingGetsItsOwnLine() {
        List<String> lines = problems(Map.of(
                "newsflow.inbox.workers", "1000",
                "newsflow.inbox.max-file-bytes", "100",
                "newsflow.inbox.include", "**.txt,[news",
                "newsflow.inbox.scan-interval", "10s",
                "newsflow.inbox.claim-timeout", "20s",
                "newsflow.inbox.retry-max-backoff", "1s",
                "newsflow.inbox.publish-timeout", "0s",
                "newsflow.instance-id", "../elsewhere",
                "newsflow.topic.raw", "articles raw"));

        assertEquals(List.of(
                "NEWSFLOW_INBOX_CLAIM_TIMEOUT=PT20S is not allowed: must be at least 3 × NEWSFLOW_INBOX_SCAN_INTERVAL (30s)",
                "NEWSFLOW_INBOX_INCLUDE=**.txt,[news is not allowed: must be comma-separated globs such as **.txt,news/** ([news is not one)",
                "NEWSFLOW_INBOX_MAX_FILE_BYTES=100 is not allowed: must be between 1K and 1G, a byte size such as 20971520, 20M or 20MiB",
                "NEWSFLOW_INBOX_PUBLISH_TIMEOUT=PT0S is not allowed: must be a duration between 100ms and 1h, e.g. 2s, 500ms or PT2S",
                "NEWSFLOW_INBOX_RETRY_MAX_BACKOFF=PT1S is not allowed: must be at least NEWSFLOW_INBOX_RETRY_BACKOFF (2s)",
                "NEWSFLOW_INBOX_WORKERS=1000 is not allowed: must be between 1 and 256",
                "NEWSFLOW_INSTANCE_ID=../elsewhere is not allowed: must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter"
                        + " or digit",
                "NEWSFLOW_TOPIC_RAW=articles raw is not allowed: must be a Kafka topic name: 1 to 249 letters, digits, '.', '_' or '-'"),
                lines.stream().sorted().toList());
    }

    @Test
    void anUnknownZoneIsRefused() {
        assertEquals(List.of("NEWSFLOW_INBOX_DEFAULT_TIMEZONE=Mars/Olympus is not allowed: must be a time zone such as UTC,"
                        + " Europe/Paris or +02:00"),
                problems(Map.of("newsflow.inbox.default-timezone", "Mars/Olympus")));
        assertEquals("Europe/Paris", read(Map.of("newsflow.inbox.default-timezone", "Europe/Paris")).inbox().defaultTimezone());
    }

    private static IngestConfig read(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.putIfAbsent("newsflow.data-dir", "./data");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(all, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Path.class, 200, new PathConverter())
                .withMapping(IngestConfig.class);
        new SettingsCustomizer().configBuilder(builder);
        return builder.build().getConfigMapping(IngestConfig.class);
    }

    private static List<String> problems(Map<String, String> values) {
        ConfigValidationException failure = assertThrows(ConfigValidationException.class, () -> read(values));
        return IntStream.range(0, failure.getProblemCount()).mapToObj(i -> failure.getProblem(i).getMessage()).toList();
    }
}
