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
                   (SELECT count(DISTINCT language) FROM article) AS languages,
                   (SELECT max(ingested_at) FROM article) AS last_ingested_at
            """;

    private final EntityManager entityManager;

    public StatsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Stats totals() {
        Tuple t = (Tuple) entityManager.createNativeQuery(TOTALS, Tuple.class).getSingleResult();
        // Near duplicates and entities are counted once enrich-service stores them.
        return new Stats(t.get("articles", Long.class), t.get("duplicates", Long.class), 0,
                t.get("languages", Long.class), 0, t.get("last_ingested_at", Instant.class));
    }
}
