package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.dedup.NearDuplicateDetector;
import io.newsflow.enrich.pipeline.ArticleAnalyzer;
import io.newsflow.enrich.rollup.RollupRepository;
import io.newsflow.enrich.store.AnnotationWriter;
import io.newsflow.enrich.store.Article;
import io.newsflow.enrich.store.ArticleRepository;
import io.newsflow.enrich.store.analysis.Analysis;
import io.newsflow.schema.EventTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The transactions of re-enrichment: short reads of the next page of articles to visit, and one
 * transaction per article that replaces what enrichment derived from it, so that a crash leaves
 * every article either as it was or fully re-enriched.
 */
@ApplicationScoped
public class ReenrichService {

    /** An article to enrich again, with what the analysis reads. */
    public record Candidate(long seq, String id, String title, String body) {
    }

    // Stale: no enrichment row or clean body (stored before V2/V3), other versions, or a fingerprint made differently.
    private static final String SELECTION = " FROM article a"
            + " LEFT JOIN article_enrichment x ON x.article_id = a.id"
            + " LEFT JOIN article_fingerprint f ON f.article_id = a.id"
            + " WHERE a.seq > ?1 AND (?2 OR x.article_id IS NULL OR a.clean_body IS NULL"
            + " OR (x.ner_model, x.alias_version, x.taxonomy_version) <> (?3, ?4, ?5) OR f.fingerprint_version <> ?6)";

    private final EntityManager em;
    private final ArticleRepository articles;
    private final NearDuplicateDetector nearDuplicates;
    private final AnnotationWriter annotations;
    private final ArticleAnalyzer analyzer;
    private final RollupRepository rollups;
    private final ReenrichJobService jobs;

    public ReenrichService(EntityManager em, ArticleRepository articles, NearDuplicateDetector nearDuplicates, AnnotationWriter annotations,
                           ArticleAnalyzer analyzer, RollupRepository rollups, ReenrichJobService jobs) {
        this.em = em;
        this.articles = articles;
        this.nearDuplicates = nearDuplicates;
        this.annotations = annotations;
        this.analyzer = analyzer;
        this.rollups = rollups;
        this.jobs = jobs;
    }

    @Transactional
    public long count(ReenrichScope scope) {
        return ((Number) select("SELECT count(*)" + SELECTION, scope, 0).getSingleResult()).longValue();
    }

    /** The next {@code limit} articles of the scope after {@code afterSeq}, in store order (keyset pagination on {@code seq}). */
    @Transactional
    public List<Candidate> page(ReenrichScope scope, long afterSeq, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select("SELECT a.seq, a.id, a.title, a.body" + SELECTION + " ORDER BY a.seq LIMIT " + limit, scope, afterSeq)
                .getResultList();
        return rows.stream().map(r -> new Candidate(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    /**
     * Writes the analysis of one stored article: clean body and language on the article, its
     * fingerprint (see {@link NearDuplicateDetector#reindex}), and its entity, theme and version
     * rows. Writes nothing that is already so. The job's progress is recorded in the same
     * transaction, so that a resumed job neither skips nor counts twice an article.
     *
     * @return whether anything changed; false too when the article is gone
     * @throws ReenrichJobService.JobLostException when the job is no longer {@code owner}'s: nothing is written
     */
    @Transactional
    public boolean apply(String jobId, String owner, Candidate candidate, Analysis analysis) {
        boolean changed = applyToArticle(candidate.id(), analysis);
        jobs.advance(jobId, owner, candidate.seq(), changed ? ReenrichJobService.Outcome.CHANGED : ReenrichJobService.Outcome.UNCHANGED);
        return changed;
    }

    private boolean applyToArticle(String articleId, Analysis analysis) {
        // Holds off a replica that lost the job but is still finishing this article; NO KEY UPDATE still lets the consumer
        // insert rows that reference the article.
        if (em.createNativeQuery("SELECT id FROM article WHERE id = ?1 FOR NO KEY UPDATE").setParameter(1, articleId).getResultList().isEmpty()) {
            return false;
        }
        Article article = articles.findById(articleId);
        // Counted again below as it ends up; whatever stays the same nets to zero.
        rollups.remove(articleId);
        boolean changed = !Objects.equals(article.cleanBody, analysis.cleanBody())
                || !article.language.equals(analysis.language().code())
                || article.languageConfidence != analysis.language().confidence();
        article.cleanBody = analysis.cleanBody();
        article.language = analysis.language().code();
        article.languageConfidence = analysis.language().confidence();
        Instant eventTime = EventTime.of(article.publishedAt, article.ingestedAt);
        changed |= nearDuplicates.reindex(articleId, analysis.fingerprint());
        changed |= annotations.replace(articleId, eventTime, analysis.annotations(), Instant.now());
        rollups.add(articleId);
        if (changed) {
            rollups.dataChanged();
        }
        return changed;
    }

    private Query select(String sql, ReenrichScope scope, long afterSeq) {
        return em.createNativeQuery(sql)
                .setParameter(1, afterSeq)
                .setParameter(2, scope == ReenrichScope.ALL)
                .setParameter(3, analyzer.versions().nerModel())
                .setParameter(4, analyzer.versions().aliasVersion())
                .setParameter(5, analyzer.versions().taxonomyVersion())
                .setParameter(6, (short) analyzer.versions().fingerprintVersion());
    }
}
