package io.newsflow.enrich.store;

import io.newsflow.enrich.store.analysis.ModelVersions;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Embedded
    public ModelVersions versions;

    @Column(name = "enriched_at", nullable = false)
    public Instant enrichedAt;
}
