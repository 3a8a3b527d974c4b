package io.newsflow.enrich.store;

import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.rollup.RollupRepository;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.schema.EventTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a run of consecutive events changes in the database, in one transaction: one statement
 * per table for the whole run where the tables allow it, so that a backlog costs fewer round trips
 * per article than a trickle. The outcome is the one storing the events one by one, in order, would
 * give: a later event in the run sees an earlier one as a duplicate or near-duplicate.
 */
@ApplicationScoped
public class ArticleService {

    private final EntityManager em;
    private final ArticleRepository articles;
    private final ArticleReceiptRepository receipts;
    private final NearDuplicateDetector nearDuplicates;
    private final AnnotationWriter annotations;
    private final RollupRepository rollups;

    public ArticleService(EntityManager em, ArticleRepository articles, ArticleReceiptRepository receipts,
                          NearDuplicateDetector nearDuplicates, AnnotationWriter annotations, RollupRepository rollups) {
        this.em = em;
        this.articles = articles;
        this.receipts = receipts;
        this.nearDuplicates = nearDuplicates;
        this.annotations = annotations;
        this.rollups = rollups;
    }

    /** {@link #storeAll} for one event. */
    @Transactional
    public StoreOutcome store(ToStore one) {
        return storeAll(List.of(one)).get(0);
    }

    /**
     * Stores each event's article under its id unless that content is already there, and records
     * each event either way, so that redelivering it changes nothing. New articles are linked to
     * their near-duplicates, and their entities and themes are written and counted in the rollups.
     *
     * @return one outcome per event, in order
     */
    @Transactional
    public List<StoreOutcome> storeAll(List<ToStore> batch) {
        Instant now = Instant.now();
        Set<String> seenEvents = existing("SELECT event_id FROM article_receipt WHERE event_id = ANY(CAST(?1 AS varchar[]))",
                batch.stream().map(one -> one.event().eventId()));
        Set<String> seenArticles = existing("SELECT id FROM article WHERE id = ANY(CAST(?1 AS varchar[]))",
                batch.stream().map(ToStore::articleId));
        List<StoreOutcome> outcomes = new ArrayList<>(batch.size());
        List<ToStore> stored = new ArrayList<>();
        List<ArticleReceipt> received = new ArrayList<>();
        for (ToStore one : batch) {
            if (!seenEvents.add(one.event().eventId())) {
                outcomes.add(StoreOutcome.REDELIVERED);
                continue;
            }
            boolean known = !seenArticles.add(one.articleId());
            if (!known) {
                stored.add(one);
            }
            received.add(receipt(one, known, now));
            outcomes.add(known ? StoreOutcome.DUPLICATE : StoreOutcome.STORED);
        }
        if (received.isEmpty()) {
            return outcomes;
        }
        // One table at a time, so that Hibernate sends each table's rows as one JDBC batch. The fingerprint,
        // cluster, entity and theme rows reference the articles: they must be in the table first.
        stored.forEach(one -> articles.persist(article(one, now)));
        articles.flush();
        received.forEach(receipts::persist);
        nearDuplicates.recordAll(stored.stream().map(one -> new NearDuplicateDetector.Indexed(one.articleId(), one.analysis().fingerprint())).toList());
        annotations.writeAll(stored.stream().map(one -> new AnnotationWriter.Written(one.articleId(), eventTime(one, now), one.analysis().annotations()))
                .toList(), now);
        rollups.addAll(stored.stream().map(ToStore::articleId).toList());
        rollups.dataChanged();
        return outcomes;
    }

    private Set<String> existing(String sql, Stream<String> ids) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery(sql).setParameter(1, ids.toArray(String[]::new)).getResultList();
        return new HashSet<>(found);
    }

    private static Instant eventTime(ToStore one, Instant now) {
        return EventTime.of(one.event().publishedAt(), ingestedAt(one.event(), now));
    }

    private static Instant ingestedAt(ArticleRawV1 event, Instant now) {
        return event.ingestedAt() != null ? event.ingestedAt() : now;
    }

    private static Article article(ToStore one, Instant now) {
        ArticleRawV1 event = one.event();
        Article article = new Article();
        article.id = one.articleId();
        article.title = event.title();
        article.body = event.body();
        article.cleanBody = one.analysis().cleanBody();
        article.source = event.source();
        article.author = event.author();
        article.url = event.url();
        article.publishedAt = event.publishedAt();
        article.ingestedAt = ingestedAt(event, now);
        article.storedAt = now;
        article.language = one.analysis().language().code();
        article.languageConfidence = one.analysis().language().confidence();
        return article;
    }

    private static ArticleReceipt receipt(ToStore one, boolean known, Instant now) {
        ArticleReceipt receipt = new ArticleReceipt();
        receipt.eventId = one.event().eventId();
        receipt.articleId = one.articleId();
        receipt.outcome = known ? ArticleReceipt.Outcome.DUPLICATE : ArticleReceipt.Outcome.STORED;
        receipt.receivedAt = now;
        ArticleRawV1.Provenance provenance = one.event().provenance();
        if (provenance != null) {
            receipt.channel = provenance.channel();
            receipt.fileName = provenance.fileName();
            receipt.fileSha256 = provenance.sha256();
            receipt.articleIndex = provenance.index();
        }
        return receipt;
    }
}
