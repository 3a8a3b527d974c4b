package io.newsflow.settings;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

import java.time.Duration;

/**
 * Puts {@link SettingsValidator} into every service's configuration (registered as a service in
 * {@code META-INF/services}, which Quarkus reads at build time), so the checks run while the
 * configuration is built: before Kafka, PostgreSQL or any bean is touched. Its strict converters
 * ({@link PlainValueConverters}) refuse a mistyped number or switch instead of reading it as something else.
 */
public final class SettingsCustomizer implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(new SettingsValidator());
        builder.withConverter(Integer.class, PlainValueConverters.PRIORITY, PlainValueConverters.integers());
        builder.withConverter(Long.class, PlainValueConverters.PRIORITY, PlainValueConverters.longs());
        builder.withConverter(Double.class, PlainValueConverters.PRIORITY, PlainValueConverters.doubles());
        builder.withConverter(Duration.class, PlainValueConverters.PRIORITY, PlainValueConverters.durations());
        builder.withConverter(Boolean.class, PlainValueConverters.PRIORITY, PlainValueConverters.booleans());
    }
}
