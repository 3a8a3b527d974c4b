package io.newsflow.enrich.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code NEWSFLOW_RETRY_*}: how hard enrich tries before a message goes to the dead-letter topic. */
@ConfigMapping(prefix = "newsflow.retry")
public interface RetryConfig {

    /** Attempts per message, the first included. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failure; doubled after each further one. */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("10s")
    Duration maxBackoff();
}
