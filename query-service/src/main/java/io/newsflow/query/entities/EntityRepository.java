package io.newsflow.query.entities;

import io.newsflow.query.aggregation.RankingRepository;
import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.sql.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class EntityRepository {

    /** The article_entity rows of the entity whose neighbours are counted. */
    private static final Rows ONE = new Rows("article_entity one", "one.article_id", "one.event_time", null, null);

    private final EntityManager entityManager;
    private final RankingRepository rankings;

    public EntityRepository(EntityManager entityManager, RankingRepository rankings) {
        this.entityManager = entityManager;
        this.rankings = rankings;
    }

    boolean exists(String id) {
        return !new NativeSql("SELECT 1 AS found FROM named_entity WHERE id = :id").bind("id", id).list(entityManager).isEmpty();
    }

    /** The entities most matching articles mention; type null for all types. */
    @Transactional
    List<EntityCount> top(ArticleFilter filter, String type, int limit) {
        return withNames(rankings.top(filter, Dimension.ENTITY, type, limit));
    }

    /** The entities mentioned most often in the matching articles that mention {@code id}. */
    List<EntityCount> related(String id, ArticleFilter filter, String type, int limit) {
        NativeSql sql = new NativeSql("SELECT g.entity_id AS key, count(*) AS articles FROM article_entity one"
                + " JOIN article_entity g ON g.article_id = one.article_id AND g.entity_id <> one.entity_id"
                + " WHERE one.entity_id = :id").bind("id", id);
        if (type != null) {
            sql.append(" AND g.entity_type = :type").bind("type", type);
        }
        filter.appendTo(sql, ONE);
        sql.append(" GROUP BY g.entity_id ORDER BY articles DESC, g.entity_id LIMIT :limit").bind("limit", limit);
        return withNames(sql.list(entityManager).stream()
                .map(t -> new RankingRepository.Ranked(t.get("key", String.class), t.get("articles", Long.class))).toList());
    }

    /** Names the entities of a ranking, keeping its order. */
    private List<EntityCount> withNames(List<RankingRepository.Ranked> ranking) {
        if (ranking.isEmpty()) {
            return List.of();
        }
        Map<String, Tuple> entities = new HashMap<>();
        new NativeSql("SELECT e.id, e.name, e.type FROM named_entity e WHERE e.id IN (:ids)")
                .bind("ids", ranking.stream().map(RankingRepository.Ranked::key).toList())
                .list(entityManager).forEach(t -> entities.put(t.get("id", String.class), t));
        // A ranked id without its entity row (never expected: rows reference it) is left out, as a join would.
        return ranking.stream().filter(r -> entities.containsKey(r.key())).map(r -> {
            Tuple e = entities.get(r.key());
            return new EntityCount(r.key(), e.get("name", String.class), e.get("type", String.class), r.articles());
        }).toList();
    }
}
