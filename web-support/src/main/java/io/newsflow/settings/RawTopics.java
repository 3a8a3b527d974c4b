package io.newsflow.settings;

import io.smallrye.config.WithDefault;

/**
 * {@code NEWSFLOW_TOPIC_RAW} and {@code NEWSFLOW_TOPIC_RAW_DLQ}, as a group of a service's mapping:
 * enrich consumes and dead-letters on them, query reads their backlog, with the same names and checks.
 */
public interface RawTopics {

    @WithDefault("articles.raw.v1")
    @Check(TopicName.class)
    String raw();

    @WithDefault("articles.raw.v1.dlq")
    @Check(TopicName.class)
    String rawDlq();
}
