package io.newsflow.enrich.reenrich;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** NEWSFLOW_REENRICH_BATCH_SIZE: articles read per keyset page; each article is still written in its own transaction. */
@ConfigMapping(prefix = "newsflow.reenrich")
public interface ReenrichConfig {

    @WithDefault("100")
    int batchSize();
}
