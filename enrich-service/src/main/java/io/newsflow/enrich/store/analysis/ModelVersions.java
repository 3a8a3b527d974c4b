package io.newsflow.enrich.store.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The NER model, alias-table and taxonomy versions, as the columns {@code article_enrichment} and
 * {@code reenrich_job} both have: one mapping of them.
 */
@Embeddable
public record ModelVersions(
        @Column(name = "ner_model", nullable = false) String nerModel,
        @Column(name = "alias_version", nullable = false) String aliasVersion,
        @Column(name = "taxonomy_version", nullable = false) String taxonomyVersion) {

    public static ModelVersions of(Annotations annotations) {
        return new ModelVersions(annotations.nerModel(), annotations.aliasVersion(), annotations.taxonomyVersion());
    }
}
