package io.newsflow.enrich.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A theme of one article, with its score and the phrases that earned it. */
@Entity
@Table(name = "article_theme")
@IdClass(ArticleTheme.Key.class)
public class ArticleTheme {

    public record Key(String articleId, String theme) implements Serializable {
    }

    @Id
    @Column(name = "article_id")
    public String articleId;

    @Id
    public String theme;

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @Column(nullable = false)
    public double score;

    @Column(name = "phrase_starts", nullable = false)
    public int[] phraseStarts;

    @Column(name = "phrase_ends", nullable = false)
    public int[] phraseEnds;

    @Column(name = "taxonomy_version", nullable = false)
    public String taxonomyVersion;
}
