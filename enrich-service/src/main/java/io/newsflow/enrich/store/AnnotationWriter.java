package io.newsflow.enrich.store;

import io.newsflow.enrich.entity.LinkedEntity;
import io.newsflow.enrich.entity.NamedEntity;
import io.newsflow.enrich.theme.ThemeScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Writes an article's entities, themes and enrichment versions, inside the caller's transaction. */
@ApplicationScoped
public class AnnotationWriter {

    private final EntityManager em;

    public AnnotationWriter(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void write(String articleId, Instant eventTime, Annotations annotations, Instant now) {
        for (LinkedEntity linked : annotations.entities()) {
            upsert(linked.entity());
            ArticleEntity row = new ArticleEntity();
            row.articleId = articleId;
            row.entityId = linked.entity().id();
            row.entityType = linked.entity().type().name();
            row.eventTime = eventTime;
            row.mentions = linked.mentions();
            row.mentionStarts = column(linked.offsets(), 0);
            row.mentionEnds = column(linked.offsets(), 1);
            em.persist(row);
        }
        for (ThemeScore theme : annotations.themes()) {
            ArticleTheme row = new ArticleTheme();
            row.articleId = articleId;
            row.theme = theme.code();
            row.eventTime = eventTime;
            row.score = theme.score();
            row.phraseStarts = column(theme.offsets(), 0);
            row.phraseEnds = column(theme.offsets(), 1);
            row.taxonomyVersion = annotations.taxonomyVersion();
            em.persist(row);
        }
        ArticleEnrichment enrichment = new ArticleEnrichment();
        enrichment.articleId = articleId;
        enrichment.nerModel = annotations.nerModel();
        enrichment.aliasVersion = annotations.aliasVersion();
        enrichment.taxonomyVersion = annotations.taxonomyVersion();
        enrichment.enrichedAt = now;
        em.persist(enrichment);
    }

    /** Two replicas may meet a new entity at once: the second insert is a no-op, not a failure. */
    private void upsert(NamedEntity entity) {
        em.createNativeQuery("INSERT INTO named_entity (id, type, name) VALUES (?1, ?2, ?3) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, entity.id())
                .setParameter(2, entity.type().name())
                .setParameter(3, entity.name())
                .executeUpdate();
    }

    private static int[] column(List<int[]> offsets, int index) {
        return offsets.stream().mapToInt(pair -> pair[index]).toArray();
    }
}
