package io.newsflow.enrich.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The model, alias-table and taxonomy versions that enriched an article: differing ones mark it stale. */
@Entity
@Table(name = "article_enrichment")
public class ArticleEnrichment {

    @Id
    @Column(name = "article_id")
    public String articleId;

    @Column(name = "ner_model", nullable = false)
    public String nerModel;

    @Column(name = "alias_version", nullable = false)
    public String aliasVersion;

    @Column(name = "taxonomy_version", nullable = false)
    public String taxonomyVersion;

    @Column(name = "enriched_at", nullable = false)
    public Instant enrichedAt;
}
