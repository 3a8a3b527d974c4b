package io.newsflow.query.pipeline;

import io.newsflow.settings.Check;
import io.newsflow.settings.RawTopics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/**
 * Where the pipeline's backlog is read: ingest-service's inbox endpoint, and the topics and consumer
 * group enrich-service uses (the same variables as enrich's, so one {@code .env} sets both). Kafka's
 * address and TLS/SASL come from the standard {@code KAFKA_…} variables.
 */
@ConfigMapping(prefix = "newsflow")
public interface PipelineConfig {

    Ingest ingest();

    RawTopics topic();

    /** NEWSFLOW_CONSUMER_GROUP: enrich's group, whose lag is the articles waiting in Kafka. */
    @WithDefault("newsflow-enrich")
    String consumerGroup();

    interface Ingest {

        /** NEWSFLOW_INGEST_URL: ingest-service's base URL, for {@code /api/v1/inbox}. */
        @WithDefault("http://127.0.0.1:8081")
        @Check(IngestUrl.class)
        URI url();

        /** NEWSFLOW_INGEST_API_KEY: ingest's NEWSFLOW_API_KEY, when that is set. */
        Optional<String> apiKey();
    }
}
