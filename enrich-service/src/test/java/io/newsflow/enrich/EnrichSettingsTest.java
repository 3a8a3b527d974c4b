package io.newsflow.enrich;

import io.newsflow.enrich.dedup.DedupConfig;
import io.newsflow.enrich.entity.EntityConfig;
import io.newsflow.enrich.failure.RetryConfig;
import io.newsflow.enrich.language.LanguageConfig;
import io.newsflow.enrich.pipeline.ChannelConfig;
import io.newsflow.enrich.reenrich.ReenrichConfig;
import io.newsflow.enrich.theme.ThemeConfig;
import io.newsflow.settings.SettingsCustomizer;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.PathConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up check of enrich's settings, on its real mappings read by SmallRye Config as Quarkus reads them. */
class EnrichSettingsTest {

    @Test
    void theDefaultsAreAllowed() {
        SmallRyeConfig config = read(Map.of());

        assertEquals(0.8, config.getConfigMapping(DedupConfig.class).threshold());
        assertEquals(2, config.getConfigMapping(ChannelConfig.class).enrich().consumers());
        assertEquals(29, config.getConfigMapping(LanguageConfig.class).languages().size());
    }

    @Test
    void aPercentageIsExplainedAsAFraction() {
        assertEquals(List.of("NEWSFLOW_DEDUP_THRESHOLD=80.0 is not allowed: must be a fraction above 0 and at most 1, e.g. 0.8"
                        + " (not a percentage)"),
                problems(Map.of("newsflow.dedup.threshold", "80")));
        assertEquals(0.95, read(Map.of("newsflow.dedup.threshold", "0.95")).getConfigMapping(DedupConfig.class).threshold());
    }

    @Test
    void consumersAndBatchesNeedAtLeastOne() {
        assertEquals(List.of("NEWSFLOW_ENRICH_BATCH_SIZE=0 is not allowed: must be between 1 and 10000",
                        "NEWSFLOW_ENRICH_CONSUMERS=0 is not allowed: must be between 1 and 64"),
                problems(Map.of("newsflow.enrich.consumers", "0", "newsflow.enrich.batch-size", "0")).stream().sorted().toList());
    }

    @Test
    void anUnknownLanguageCodeIsNamed() {
        List<String> lines = problems(Map.of("newsflow.language.languages", "en,de,xx"));

        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("NEWSFLOW_LANGUAGE_LANGUAGES=en,de,xx is not allowed: must be ISO 639-1 codes the detector"
                + " knows (xx is not one; known: af,ar,az,be,bg,bn,bs,ca,cs,cy,da,de,el,en,eo,es,"), lines.get(0));
        assertEquals(List.of("NEWSFLOW_LANGUAGE_LANGUAGES=en is not allowed: must name at least two languages to choose between"),
                problems(Map.of("newsflow.language.languages", "en")));
    }

    @Test
    void relationsThatMakeTheServiceUselessAreRefused() {
        assertEquals(List.of(
                        "NEWSFLOW_LANGUAGE_MAX_CHARS=2 is not allowed: must be at least NEWSFLOW_LANGUAGE_MIN_LETTERS (3)",
                        "NEWSFLOW_REENRICH_LEASE_TIMEOUT=PT5S is not allowed: must be at least 2 × NEWSFLOW_REENRICH_HEARTBEAT_INTERVAL (10s)",
                        "NEWSFLOW_RETRY_MAX_BACKOFF=PT0.1S is not allowed: must be at least NEWSFLOW_RETRY_INITIAL_BACKOFF (200ms)"),
                problems(Map.of("newsflow.language.max-chars", "2", "newsflow.reenrich.lease-timeout", "5s",
                        "newsflow.retry.max-backoff", "100ms")).stream().sorted().toList());
    }

    @Test
    void rangesOfTheOtherSettings() {
        assertEquals(List.of(
                        "NEWSFLOW_DEDUP_SHINGLE_WORDS=100 is not allowed: must be between 1 and 99",
                        "NEWSFLOW_REENRICH_BATCH_SIZE=0 is not allowed: must be between 1 and 10000",
                        "NEWSFLOW_RETRY_INITIAL_BACKOFF=PT0S is not allowed: must be a duration between 1ms and 1m, e.g. 2s, 500ms or PT2S",
                        "NEWSFLOW_TOPIC_RAW_DLQ=dead letters is not allowed: must be a Kafka topic name: 1 to 249 letters, digits, '.',"
                                + " '_' or '-'"),
                problems(Map.of("newsflow.dedup.shingle-words", "100", "newsflow.reenrich.batch-size", "0",
                        "newsflow.retry.initial-backoff", "0s", "newsflow.retry.max-backoff", "1s",
                        "newsflow.topic.raw-dlq", "dead letters")).stream().sorted().toList());
    }

    @Test
    void aMissingThemesFileIsNamed() {
        List<String> lines = problems(Map.of("newsflow.themes.file", "/nowhere/themes.json"));

        assertEquals(List.of("NEWSFLOW_THEMES_FILE=/nowhere/themes.json is not allowed: must be a readable theme taxonomy file (JSON);"
                + " /nowhere/themes.json is not one"), lines);
    }

    @Test
    void theChineseModelIsHanLpOrCoreNlp() {
        assertEquals("hanlp", read(Map.of()).getConfigMapping(EntityConfig.class).chineseModel());
        assertEquals(List.of("NEWSFLOW_ENTITY_CHINESE_MODEL=stanford is not allowed: must be hanlp or corenlp"),
                problems(Map.of("newsflow.entity.chinese-model", "stanford")));
    }

    private static SmallRyeConfig read(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Path.class, 200, new PathConverter())
                .withMapping(DedupConfig.class)
                .withMapping(LanguageConfig.class)
                .withMapping(RetryConfig.class)
                .withMapping(ReenrichConfig.class)
                .withMapping(ThemeConfig.class)
                .withMapping(EntityConfig.class)
                .withMapping(ChannelConfig.class);
        new SettingsCustomizer().configBuilder(builder);
        return builder.build();
    }

    private static List<String> problems(Map<String, String> values) {
        ConfigValidationException failure = assertThrows(ConfigValidationException.class, () -> read(values));
        return IntStream.range(0, failure.getProblemCount()).mapToObj(i -> failure.getProblem(i).getMessage()).toList();
    }
}
