package io.newsflow.enrich.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** How often and where one article mentions one canonical entity. */
@Entity
@Table(name = "article_entity")
@IdClass(ArticleEntity.Key.class)
public class ArticleEntity {

    public record Key(String articleId, String entityId) implements Serializable {
    }

    @Id
    @Column(name = "article_id")
    public String articleId;

    @Id
    @Column(name = "entity_id")
    public String entityId;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    @Column(nullable = false)
    public int mentions;

    @Column(name = "mention_starts", nullable = false)
    public int[] mentionStarts;

    @Column(name = "mention_ends", nullable = false)
    public int[] mentionEnds;
}
