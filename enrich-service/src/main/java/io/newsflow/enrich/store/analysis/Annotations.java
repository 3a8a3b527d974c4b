package io.newsflow.enrich.store.analysis;

import io.newsflow.enrich.entity.LinkedEntity;
import io.newsflow.enrich.theme.ThemeScore;

import java.util.List;

/** The entities and themes found in an article, and the versions of what found them. */
public record Annotations(List<LinkedEntity> entities, List<ThemeScore> themes, String nerModel, String aliasVersion, String taxonomyVersion) {

    /** An article has one row per entity: whatever an extractor returns, entries that share an id are merged. */
    public Annotations {
        entities = LinkedEntity.mergeById(entities);
    }
}
