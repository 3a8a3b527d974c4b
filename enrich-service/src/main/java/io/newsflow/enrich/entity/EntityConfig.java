package io.newsflow.enrich.entity;

import io.newsflow.settings.Check;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code NEWSFLOW_ENTITY_*}: which model finds the names in Chinese text. */
@ConfigMapping(prefix = "newsflow.entity")
public interface EntityConfig {

    /**
     * {@code hanlp} (HanLP portable and rules) or {@code corenlp} (CoreNLP's Chinese CRF on its CTB
     * segmenter): corenlp finds Chinese names better (UNER zh F1 0.685 against 0.588) but needs a
     * heap of about 1.3 GB rather than 768 MB and tags Chinese text about ten times more slowly.
     */
    @WithDefault("hanlp")
    @Check(ChineseModels.class)
    String chineseModel();
}
