package io.newsflow.query.stats;

import io.newsflow.query.pipeline.PipelineStatus;
import io.newsflow.schema.Rollups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.Instant;

@ApplicationScoped
public class StatsRepository {

    // One statement, so all figures come from the same snapshot; each is a rollup counter or an index lookup.
    private static final String TOTALS = """
            SELECT (SELECT coalesce(sum(articles), 0) FROM rollup_total WHERE dim = :article)::bigint AS articles,
                   (SELECT coalesce(sum(articles), 0) FROM rollup_total WHERE dim = :duplicate)::bigint AS duplicates,
                   (SELECT coalesce(sum(articles), 0) FROM rollup_total WHERE dim = :nearDuplicate)::bigint AS near_duplicates,
                   (SELECT count(*) FROM rollup_total WHERE dim = :language AND articles > 0) AS languages,
                   (SELECT count(*) FROM named_entity) AS entities,
                   (SELECT max(ingested_at) FROM article) AS last_ingested_at,
                   (SELECT changed_at FROM data_watermark) AS data_changed_at
            """;

    private final EntityManager entityManager;

    public StatsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    Stats totals(PipelineStatus pipeline) {
        Tuple t = (Tuple) entityManager.createNativeQuery(TOTALS, Tuple.class)
                .setParameter("article", Rollups.ARTICLE)
                .setParameter("duplicate", Rollups.DUPLICATE)
                .setParameter("nearDuplicate", Rollups.NEAR_DUPLICATE)
                .setParameter("language", Rollups.LANGUAGE)
                .getSingleResult();
        return new Stats(t.get("articles", Long.class), t.get("duplicates", Long.class),
                t.get("near_duplicates", Long.class), t.get("languages", Long.class), t.get("entities", Long.class),
                t.get("last_ingested_at", Instant.class), t.get("data_changed_at", Instant.class), pipeline);
    }
}
