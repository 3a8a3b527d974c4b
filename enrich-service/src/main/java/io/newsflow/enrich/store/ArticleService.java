package io.newsflow.enrich.store;

import io.newsflow.enrich.dedup.Fingerprint;
import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.language.DetectedLanguage;
import io.newsflow.enrich.rollup.RollupRepository;
import io.newsflow.events.ArticleRawV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Everything one event changes in the database, in one transaction. */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final ArticleReceiptRepository receipts;
    private final NearDuplicateDetector nearDuplicates;
    private final AnnotationWriter annotations;
    private final RollupRepository rollups;

    public ArticleService(ArticleRepository articles, ArticleReceiptRepository receipts, NearDuplicateDetector nearDuplicates,
                          AnnotationWriter annotations, RollupRepository rollups) {
        this.articles = articles;
        this.receipts = receipts;
        this.nearDuplicates = nearDuplicates;
        this.annotations = annotations;
        this.rollups = rollups;
    }

    /**
     * Stores the article under {@code articleId} unless that content is already there, and records
     * the event either way, so that redelivering it changes nothing. A new article is linked to its
     * near-duplicates, and its entities and themes are written and counted in the rollups, in the same
     * transaction.
     */
    @Transactional
    public StoreOutcome store(ArticleRawV1 event, String articleId, DetectedLanguage language, String cleanBody, Fingerprint fingerprint,
                              Annotations found) {
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
            article.cleanBody = cleanBody;
            article.source = event.source();
            article.author = event.author();
            article.url = event.url();
            article.publishedAt = event.publishedAt();
            article.ingestedAt = event.ingestedAt() != null ? event.ingestedAt() : now;
            article.storedAt = now;
            article.language = language.code();
            article.languageConfidence = language.confidence();
            articles.persist(article);
            // The fingerprint, cluster, entity and theme rows reference the article: it must be in the table first.
            articles.flush();
            nearDuplicates.record(articleId, fingerprint);
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
        if (!known) {
            rollups.add(articleId);
        }
        rollups.dataChanged();
        return known ? StoreOutcome.DUPLICATE : StoreOutcome.STORED;
    }
}
