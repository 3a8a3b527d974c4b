package io.newsflow.enrich.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One consumed event: the record that makes redelivery harmless and counts dropped duplicates. */
@Entity
@Table(name = "article_receipt")
public class ArticleReceipt {

    public enum Outcome { STORED, DUPLICATE }

    @Id
    @Column(name = "event_id", length = 64)
    public String eventId;

    @Column(name = "article_id", nullable = false, length = 32)
    public String articleId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(length = 16)
    public String channel;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "file_sha256", length = 64)
    public String fileSha256;

    @Column(name = "article_index")
    public Integer articleIndex;
}
