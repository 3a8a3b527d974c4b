package io.newsflow.enrich.reenrich;

import io.newsflow.settings.AtLeast;
import io.newsflow.settings.DurationRange;
import io.newsflow.settings.Range;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code NEWSFLOW_REENRICH_*}: how re-enrichment jobs read articles and how replicas share them. */
@ConfigMapping(prefix = "newsflow.reenrich")
public interface ReenrichConfig {

    /** Articles read per keyset page; each article is still written in its own transaction. */
    @WithDefault("100")
    @Range(min = 1, max = 10_000)
    int batchSize();

    /** How often the replica running a job marks it alive, and an idle replica looks for a job to resume. */
    @WithDefault("5s")
    @DurationRange(min = "PT0.01S", max = "PT1H")
    Duration heartbeatInterval();

    /**
     * A job whose replica was silent this long is resumed by another: several heartbeat intervals,
     * so that a busy replica is not taken for a dead one.
     */
    @WithDefault("30s")
    @DurationRange(min = "PT0.02S", max = "P1D")
    @AtLeast(value = "heartbeatInterval", times = 2)
    Duration leaseTimeout();
}
