package io.newsflow.query.http;

import io.newsflow.settings.DurationRange;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The operator's settings of the query API (environment variables NEWSFLOW_QUERY_*). */
@ConfigMapping(prefix = "newsflow.query")
public interface QueryConfig {

    /** NEWSFLOW_QUERY_API_KEY: when set, every API request must carry it; unset, the API is open. */
    Optional<String> apiKey();

    /** NEWSFLOW_QUERY_WATERMARK_REFRESH: how often the data watermark behind the ETags is re-read; zero: on every request. */
    @WithDefault("PT0.25S")
    @DurationRange(min = "PT0S", max = "PT1H")
    Duration watermarkRefresh();

    /**
     * NEWSFLOW_QUERY_MAX_STALENESS: after a data change, how long a question's previous answer may still
     * be served while the new one is computed in the background; zero: every answer waits for the data.
     */
    @WithDefault("PT2S")
    @DurationRange(min = "PT0S", max = "PT1H")
    Duration maxStaleness();

    /**
     * NEWSFLOW_QUERY_PIPELINE_REFRESH: how often the pipeline's backlog (/stats' pipeline object) is read from
     * ingest-service and Kafka; polls in between are answered from the last reading.
     */
    @WithDefault("PT2S")
    @DurationRange(min = "PT0.1S", max = "P1D")
    Duration pipelineRefresh();
}
