package io.newsflow.query.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;

@ApplicationScoped
public class StatsRepository {

    // One statement, so all figures come from the same snapshot.
    private static final String TOTALS = """
            SELECT (SELECT count(*) FROM article) AS articles,
                   (SELECT count(*) FROM article_receipt WHERE outcome = 'DUPLICATE') AS duplicates,
                   (SELECT coalesce(sum(size - 1), 0) FROM duplicate_cluster)::bigint AS near_duplicates,
                   (SELECT count(DISTINCT language) FROM article) AS languages,
                   (SELECT count(*) FROM named_entity) AS entities,
                   (SELECT max(ingested_at) FROM article) AS last_ingested_at
            """;

    private final EntityManager entityManager;

    public StatsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Stats totals() {
        Tuple t = (Tuple) entityManager.createNativeQuery(TOTALS, Tuple.class).getSingleResult();
        return new Stats(t.get("articles", Long.class), t.get("duplicates", Long.class),
                t.get("near_duplicates", Long.class), t.get("languages", Long.class), t.get("entities", Long.class),
                t.get("last_ingested_at", Instant.class));
    }
}
