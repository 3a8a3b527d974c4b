package io.newsflow.enrich.failure;

import io.newsflow.settings.AtLeast;
import io.newsflow.settings.DurationRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code NEWSFLOW_RETRY_*}: the back-off while a transient failure (database or broker away, lock timeout) is waited out. */
@ConfigMapping(prefix = "newsflow.retry")
public interface RetryConfig {

    /** Wait after the first failure; doubled after each further one. */
    @WithDefault("200ms")
    @DurationRange(min = "PT0.001S", max = "PT1M")
    Duration initialBackoff();

    /** The longest wait between two attempts: how soon after the database is back processing resumes. */
    @WithDefault("5s")
    @DurationRange(min = "PT0.001S", max = "PT1H")
    @AtLeast("initialBackoff")
    Duration maxBackoff();
}
