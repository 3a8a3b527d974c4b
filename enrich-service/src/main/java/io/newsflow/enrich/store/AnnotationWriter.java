package io.newsflow.enrich.store;

import io.newsflow.enrich.entity.LinkedEntity;
import io.newsflow.enrich.entity.NamedEntity;
import io.newsflow.enrich.store.analysis.Annotations;
import io.newsflow.enrich.store.analysis.ModelVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Writes articles' entities, themes and enrichment versions, inside the caller's transaction. */
@ApplicationScoped
public class AnnotationWriter {

    private final EntityManager em;

    public AnnotationWriter(EntityManager em) {
        this.em = em;
    }

    /** An article's annotations as they are written: by article id, at its event time. */
    public record Written(String articleId, Instant eventTime, Annotations annotations) {
    }

    /** Writes the entities, themes and versions of several new articles, each table's rows together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAll(List<Written> batch, Instant now) {
        upsert(batch.stream().flatMap(one -> one.annotations().entities().stream()).map(LinkedEntity::entity).toList());
        batch.forEach(one -> entityRows(one.articleId(), one.eventTime(), one.annotations()).forEach(em::persist));
        batch.forEach(one -> themeRows(one.articleId(), one.eventTime(), one.annotations()).forEach(em::persist));
        batch.forEach(one -> {
            ArticleEnrichment enrichment = new ArticleEnrichment();
            enrichment.articleId = one.articleId();
            enrichment.versions = ModelVersions.of(one.annotations());
            enrichment.enrichedAt = now;
            em.persist(enrichment);
        });
    }

    /**
     * Replaces a stored article's entities, themes and versions with {@code annotations}, unless they
     * are what is stored already (then nothing is written, {@code enriched_at} included: enriching
     * an article twice with the same models changes nothing).
     *
     * @return whether anything was replaced
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replace(String articleId, Instant eventTime, Annotations annotations, Instant now) {
        List<ArticleEntity> storedEntities = em.createQuery("FROM ArticleEntity WHERE articleId = ?1", ArticleEntity.class)
                .setParameter(1, articleId).getResultList();
        List<ArticleTheme> storedThemes = em.createQuery("FROM ArticleTheme WHERE articleId = ?1", ArticleTheme.class)
                .setParameter(1, articleId).getResultList();
        ArticleEnrichment enrichment = em.find(ArticleEnrichment.class, articleId);
        boolean same = enrichment != null
                && enrichment.versions.equals(ModelVersions.of(annotations))
                && keys(storedEntities, AnnotationWriter::key).equals(keys(entityRows(articleId, eventTime, annotations), AnnotationWriter::key))
                && keys(storedThemes, AnnotationWriter::key).equals(keys(themeRows(articleId, eventTime, annotations), AnnotationWriter::key));
        if (same) {
            return false;
        }
        storedEntities.forEach(em::remove);
        storedThemes.forEach(em::remove);
        if (enrichment != null) {
            em.remove(enrichment);
        }
        // Hibernate inserts before it deletes: the old rows must be gone before new ones with the same keys arrive.
        em.flush();
        writeAll(List.of(new Written(articleId, eventTime, annotations)), now);
        return true;
    }

    private static List<ArticleEntity> entityRows(String articleId, Instant eventTime, Annotations annotations) {
        return annotations.entities().stream().map(linked -> {
            ArticleEntity row = new ArticleEntity();
            row.articleId = articleId;
            row.entityId = linked.entity().id();
            row.entityType = linked.entity().type().name();
            row.eventTime = eventTime;
            row.mentions = linked.mentions();
            row.mentionStarts = column(linked.offsets(), 0);
            row.mentionEnds = column(linked.offsets(), 1);
            return row;
        }).toList();
    }

    private static List<ArticleTheme> themeRows(String articleId, Instant eventTime, Annotations annotations) {
        return annotations.themes().stream().map(theme -> {
            ArticleTheme row = new ArticleTheme();
            row.articleId = articleId;
            row.theme = theme.code();
            row.eventTime = eventTime;
            row.score = theme.score();
            row.phraseStarts = column(theme.offsets(), 0);
            row.phraseEnds = column(theme.offsets(), 1);
            row.taxonomyVersion = annotations.taxonomyVersion();
            return row;
        }).toList();
    }

    private static <T> Set<List<Object>> keys(List<T> rows, Function<T, List<Object>> key) {
        return rows.stream().map(key).collect(Collectors.toSet());
    }

    /** Every stored column, arrays by content, so that equal keys mean equal rows. */
    private static List<Object> key(ArticleEntity row) {
        return List.of(row.entityId, row.entityType, row.eventTime, row.mentions, Arrays.toString(row.mentionStarts),
                Arrays.toString(row.mentionEnds));
    }

    private static List<Object> key(ArticleTheme row) {
        return List.of(row.theme, row.eventTime, row.score, Arrays.toString(row.phraseStarts), Arrays.toString(row.phraseEnds),
                Objects.toString(row.taxonomyVersion));
    }

    /**
     * One statement for all of an article's entities (one round trip, not one per entity). Two replicas
     * may meet a new entity at once: the second insert is a no-op, not a failure; ids in ascending
     * order, so that two transactions inserting the same new entities never wait for each other in a cycle.
     * A stored name in capitals only is then replaced by a spelling with lower-case letters, once
     * ({@link NamedEntity#betterWritten}): the update locks only the rows it changes, so the common case
     * takes no row lock that other transactions naming the same entity would wait for.
     */
    private void upsert(List<NamedEntity> entities) {
        if (entities.isEmpty()) {
            return;
        }
        // Several articles of a run name the same entity; one row per id, or the statement would hit it twice.
        List<NamedEntity> sorted = entities.stream().collect(Collectors.toMap(NamedEntity::id, entity -> entity, NamedEntity::betterWritten,
                TreeMap::new)).values().stream().toList();
        String[] ids = sorted.stream().map(NamedEntity::id).toArray(String[]::new);
        String[] names = sorted.stream().map(NamedEntity::name).toArray(String[]::new);
        em.createNativeQuery("INSERT INTO named_entity (id, type, name)"
                        + " SELECT * FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS varchar[]), CAST(?3 AS text[])) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, ids)
                .setParameter(2, sorted.stream().map(entity -> entity.type().name()).toArray(String[]::new))
                .setParameter(3, names)
                .executeUpdate();
        em.createNativeQuery("UPDATE named_entity e SET name = x.name"
                        + " FROM unnest(CAST(?1 AS varchar[]), CAST(?2 AS text[])) AS x (id, name)"
                        + " WHERE e.id = x.id AND e.name = upper(e.name) AND e.name <> lower(e.name) AND x.name <> upper(x.name)")
                .setParameter(1, ids)
                .setParameter(2, names)
                .executeUpdate();
    }

    private static int[] column(List<int[]> offsets, int index) {
        return offsets.stream().mapToInt(pair -> pair[index]).toArray();
    }
}
