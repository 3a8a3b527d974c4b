package io.newsflow.settings;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;

/**
 * Puts {@link SettingsValidator} into every service's configuration (registered as a service in
 * {@code META-INF/services}, which Quarkus reads at build time), so the checks run while the
 * configuration is built: before Kafka, PostgreSQL or any bean is touched.
 */
public final class SettingsCustomizer implements SmallRyeConfigBuilderCustomizer {

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        builder.withValidator(new SettingsValidator());
    }
}
