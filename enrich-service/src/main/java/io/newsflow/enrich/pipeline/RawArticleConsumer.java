package io.newsflow.enrich.pipeline;

import io.newsflow.events.ArticleEventCodec;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code articles.raw.v1}. The message is acknowledged (its offset committed) only after
 * the method returns, that is after the database transaction committed; an exception nacks it,
 * and the channel's failure strategy sends it to the dead-letter topic with the reason in headers.
 */
@ApplicationScoped
public class RawArticleConsumer {

    public static final String CHANNEL = "articles-raw";

    private final EnrichmentPipeline pipeline;

    public RawArticleConsumer(EnrichmentPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(byte[] payload) {
        pipeline.process(ArticleEventCodec.fromJson(payload));
    }
}
