package io.newsflow.enrich.pipeline;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Publishes the processing timer as a Prometheus histogram ({@code _bucket} series), so dashboards
 * can compute latency percentiles across all enrich replicas; a plain timer only has count, sum, max.
 */
@Singleton
public class ProcessingHistogram {

    static final String TIMER = "newsflow.enrich.processing";

    @Produces
    @Singleton
    MeterFilter processingHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(TIMER)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(30).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
