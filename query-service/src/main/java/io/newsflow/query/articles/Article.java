package io.newsflow.query.articles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * A stored article as enrich-service wrote it. Read-only: mapped so Hibernate validates the columns
 * this service relies on against enrich's schema at start-up.
 */
@Entity
@Immutable
@Table(name = "article")
public class Article {

    @Id
    private String id;
    private String title;
    private String body;
    @Column(name = "clean_body")
    private String cleanBody;
    private String source;
    private String author;
    private String url;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "ingested_at")
    private Instant ingestedAt;
    private String language;
    @Column(name = "language_confidence")
    private double languageConfidence;

    protected Article() {
        // for Hibernate
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public String cleanBody() {
        return cleanBody;
    }

    public String source() {
        return source;
    }

    public String author() {
        return author;
    }

    public String url() {
        return url;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant ingestedAt() {
        return ingestedAt;
    }

    public String language() {
        return language;
    }

    public double languageConfidence() {
        return languageConfidence;
    }
}
