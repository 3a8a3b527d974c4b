package io.newsflow.enrich.store;

import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.events.ArticleRawV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Everything one event changes in the database, in one transaction. */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final ArticleReceiptRepository receipts;
    private final AnnotationWriter annotations;

    public ArticleService(ArticleRepository articles, ArticleReceiptRepository receipts, AnnotationWriter annotations) {
        this.articles = articles;
        this.receipts = receipts;
        this.annotations = annotations;
    }

    /**
     * Stores the article under {@code articleId} unless that content is already there, and records
     * the event either way, so that redelivering it changes nothing. A new article's entities and themes
     * are written with it.
     */
    @Transactional
    public StoreOutcome store(ArticleRawV1 event, String articleId, DetectedLanguage language, Annotations found) {
        if (receipts.findByIdOptional(event.eventId()).isPresent()) {
            return StoreOutcome.REDELIVERED;
        }
        Instant now = Instant.now();
        boolean known = articles.findByIdOptional(articleId).isPresent();
        if (!known) {
            Article article = new Article();
            article.id = articleId;
            article.title = event.title();
            article.body = event.body();
            article.source = event.source();
            article.author = event.author();
            article.url = event.url();
            article.publishedAt = event.publishedAt();
            article.ingestedAt = event.ingestedAt() != null ? event.ingestedAt() : now;
            article.storedAt = now;
            article.language = language.code();
            article.languageConfidence = language.confidence();
            articles.persist(article);
            annotations.write(articleId, article.publishedAt != null ? article.publishedAt : article.ingestedAt, found, now);
        }
        ArticleReceipt receipt = new ArticleReceipt();
        receipt.eventId = event.eventId();
        receipt.articleId = articleId;
        receipt.outcome = known ? ArticleReceipt.Outcome.DUPLICATE : ArticleReceipt.Outcome.STORED;
        receipt.receivedAt = now;
        ArticleRawV1.Provenance provenance = event.provenance();
        if (provenance != null) {
            receipt.channel = provenance.channel();
            receipt.fileName = provenance.fileName();
            receipt.fileSha256 = provenance.sha256();
            receipt.articleIndex = provenance.index();
        }
        receipts.persist(receipt);
        return known ? StoreOutcome.DUPLICATE : StoreOutcome.STORED;
    }
}
