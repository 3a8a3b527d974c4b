package io.newsflow.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistyped values are refused with what is expected, through the customizer every service's configuration gets. */
class PlainValueConvertersTest {

    @ConfigMapping(prefix = "typed")
    public interface TypedConfig {

        @WithDefault("4")
        int workers();

        @WithDefault("20")
        long bytes();

        @WithDefault("0.8")
        double share();

        @WithDefault("false")
        boolean markerMode();

        @WithDefault("2s")
        Duration interval();
    }

    @Test
    void wellFormedValuesAreReadAsBefore() {
        TypedConfig config = read(Map.of("typed.workers", " +8 ", "typed.bytes", "-3", "typed.share", "1e-1",
                "typed.marker-mode", "YES", "typed.interval", "500ms"));

        assertEquals(8, config.workers());
        assertEquals(-3, config.bytes());
        assertEquals(0.1, config.share());
        assertTrue(config.markerMode());
        assertEquals(Duration.ofMillis(500), config.interval());
        assertFalse(read(Map.of("typed.marker-mode", "off")).markerMode());
        assertEquals(Duration.ofSeconds(3), read(Map.of("typed.interval", "3")).interval());
    }

    @Test
    void aMisspelledSwitchIsRefusedInsteadOfReadAsFalse() {
        assertRefused("typed.marker-mode", "ture", "must be true or false");
    }

    @Test
    void numbersAndDurationsSayWhatIsExpected() {
        assertRefused("typed.workers", "four", "must be a whole number such as 4");
        assertRefused("typed.workers", "1.5", "must be a whole number such as 4");
        assertRefused("typed.workers", "99999999999", "must be a whole number such as 4, and 99999999999 is too large");
        assertRefused("typed.bytes", "20 MB", "must be a whole number such as 4");
        assertRefused("typed.share", "80%", "must be a number such as 0.8");
        assertRefused("typed.share", "NaN", "must be a number such as 0.8");
        assertRefused("typed.interval", "soon", "must be a duration such as 2s, 500ms or PT2S");
    }

    private static void assertRefused(String property, String value, String expected) {
        ConfigValidationException failure = assertThrows(ConfigValidationException.class, () -> read(Map.of(property, value)));
        assertEquals(1, failure.getProblemCount());
        String message = failure.getProblem(0).getMessage();
        assertTrue(message.contains(property) && message.contains('"' + value + '"') && message.endsWith(expected), message);
    }

    private static TypedConfig read(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 100))
                .withMapping(TypedConfig.class);
        new SettingsCustomizer().configBuilder(builder);
        return builder.build().getConfigMapping(TypedConfig.class);
    }
}
