package io.newsflow.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SettingsValidatorTest {

    @ConfigMapping(prefix = "sample")
    public interface SampleConfig {

        @WithDefault("4")
        @Range(min = 1, max = 256)
        int workers();

        @WithDefault("0.8")
        @Fraction
        double threshold();

        @WithDefault("20971520")
        @WithConverter(ByteSizeConverter.class)
        @ByteSize(min = 1024, max = 1L << 30)
        long maxFileBytes();

        @WithDefault("PT1S")
        @DurationRange(min = "PT0.001S", max = "PT1H")
        Duration heartbeat();

        @WithDefault("PT5S")
        @DurationRange(min = "PT0.001S", max = "P1D")
        @AtLeast(value = "heartbeat", times = 2)
        Duration lease();

        @Check(NoBlanks.class)
        Optional<List<String>> names();

        Nested nested();

        interface Nested {

            @WithDefault("PT0S")
            @DurationRange(min = "PT0S", max = "PT1M")
            Duration refresh();
        }
    }

    public static final class NoBlanks implements Rule<List<String>> {

        @Override
        public Optional<String> broken(List<String> names) {
            return names.contains("x") ? Optional.of("must not name x") : Optional.empty();
        }
    }

    @Test
    void theDefaultsAreAllowed() {
        SampleConfig config = read(Map.of());

        assertEquals(4, config.workers());
        assertEquals(20_971_520L, config.maxFileBytes());
    }

    @Test
    void eachBrokenRuleIsOneLineNamingTheVariableTheValueAndWhatIsAllowed() {
        List<String> lines = problems(Map.of(
                "sample.workers", "0",
                "sample.threshold", "80",
                "sample.max-file-bytes", "2G",
                "sample.lease", "PT1S",
                "sample.names", "a,x",
                "sample.nested.refresh", "PT2M"));

        assertEquals(List.of(
                "SAMPLE_LEASE=PT1S is not allowed: must be at least 2 × SAMPLE_HEARTBEAT (2s)",
                "SAMPLE_MAX_FILE_BYTES=2147483648 is not allowed: must be between 1K and 1G, a byte size such as 20971520, 20M or 20MiB",
                "SAMPLE_NAMES=a,x is not allowed: must not name x",
                "SAMPLE_NESTED_REFRESH=PT2M is not allowed: must be a duration between 0s and 1m, e.g. 2s, 500ms or PT2S",
                "SAMPLE_THRESHOLD=80.0 is not allowed: must be a fraction above 0 and at most 1, e.g. 0.8 (not a percentage)",
                "SAMPLE_WORKERS=0 is not allowed: must be between 1 and 256"),
                lines.stream().sorted().toList());
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        SampleConfig config = read(Map.of("sample.workers", "256", "sample.threshold", "1",
                "sample.max-file-bytes", "1K", "sample.lease", "PT2S", "sample.nested.refresh", "PT0S"));

        assertEquals(256, config.workers());
        assertEquals(1024L, config.maxFileBytes());
    }

    @Test
    void byteSizesTakeBinaryUnits() {
        ByteSizeConverter converter = new ByteSizeConverter();

        assertEquals(20_971_520L, converter.convert("20971520"));
        assertEquals(20_971_520L, converter.convert("20M"));
        assertEquals(20_971_520L, converter.convert("20MiB"));
        assertEquals(20_971_520L, converter.convert("20mb"));
        assertEquals(1_048_576L, converter.convert("1024k"));
        assertEquals(1L << 30, converter.convert("1G"));
        assertEquals(512L, converter.convert("512B"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> converter.convert("20 megabytes"));
        assertEquals("must be a byte size such as 20971520, 20M or 20MiB", wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> converter.convert("-1"));
        assertThrows(IllegalArgumentException.class, () -> converter.convert("9999999999999T"));
    }

    @Test
    void mappingsOutsideNewsflowAreLeftAlone() {
        new SettingsValidator().validateMapping(String.class, "other", "not a mapping");
    }

    private static SampleConfig read(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .withMapping(SampleConfig.class)
                .withValidator(new SettingsValidator())
                .build()
                .getConfigMapping(SampleConfig.class);
    }

    private static List<String> problems(Map<String, String> values) {
        ConfigValidationException failure = assertThrows(ConfigValidationException.class, () -> read(values));
        return IntStream.range(0, failure.getProblemCount()).mapToObj(i -> failure.getProblem(i).getMessage()).toList();
    }
}
