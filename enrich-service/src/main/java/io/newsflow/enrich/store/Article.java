package io.newsflow.enrich.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored article; its id is the content id, so the same text is stored once. */
@Entity
@Table(name = "article")
public class Article {

    @Id
    @Column(length = 32)
    public String id;

    public String title;

    @Column(nullable = false)
    public String body;

    /** The body as analysed (normalized, boilerplate cut); the API shows {@link #body}. */
    @Column(name = "clean_body")
    public String cleanBody;

    public String source;
    public String author;
    public String url;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;

    @Column(nullable = false, length = 8)
    public String language;

    @Column(name = "language_confidence", nullable = false)
    public double languageConfidence;
}
