package io.newsflow.enrich.rollup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Keeps the rollups and the data watermark (migration V4) current inside the caller's transaction.
 * The rows every writer shares are locked until commit, so callers come here last.
 */
@ApplicationScoped
public class RollupRepository {

    private final EntityManager em;

    public RollupRepository(EntityManager em) {
        this.em = em;
    }

    /** Counts a stored article under its language, source, themes and entities as they are now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String articleId) {
        apply(articleId, 1);
    }

    /**
     * Counts several stored articles at once: one statement that adds each key's total once, in one
     * order of keys for every writer, so that two writers' runs never wait for each other in a cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<String> articleIds) {
        if (articleIds.isEmpty()) {
            return;
        }
        em.flush();
        em.createNativeQuery("SELECT rollup_apply_all(CAST(?1 AS varchar[]), 1)").setParameter(1, articleIds.toArray(String[]::new))
                .getSingleResult();
    }

    /** Takes an article's counts away as they are now, before its language, themes or entities change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String articleId) {
        apply(articleId, -1);
    }

    /** Tells query-service that its answers changed: any committed change makes its ETags stale. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dataChanged() {
        em.createNativeQuery("SELECT data_changed()").getSingleResult();
    }

    private void apply(String articleId, int sign) {
        // The function reads the article's rows from the database: pending inserts must be there first.
        em.flush();
        em.createNativeQuery("SELECT rollup_apply(?1, ?2)").setParameter(1, articleId).setParameter(2, sign).getSingleResult();
    }
}
