package io.newsflow.enrich.pipeline;

import io.newsflow.settings.RawTopics;
import io.newsflow.settings.Range;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The raw channel's settings. The messaging channel reads them through {@code application.properties}
 * ({@code mp.messaging.incoming.articles-raw.* = ${newsflow.…}}, whose defaults are the ones declared here);
 * they are declared here so that the start-up check sees them (the messaging connector would take
 * {@code concurrency=0} or a topic name Kafka refuses without a clear word), and the dead-letter tools
 * read the topics from here.
 */
@ConfigMapping(prefix = "newsflow")
public interface ChannelConfig {

    RawTopics topic();

    Enrich enrich();

    interface Enrich {

        /** NEWSFLOW_ENRICH_CONSUMERS: Kafka consumers (threads) in this replica. */
        @WithDefault("2")
        @Range(min = 1, max = 64)
        int consumers();

        /** NEWSFLOW_ENRICH_BATCH_SIZE: most records one poll returns, stored in one transaction. */
        @WithDefault("32")
        @Range(min = 1, max = 10_000)
        int batchSize();
    }
}
