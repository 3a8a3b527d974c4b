package io.newsflow.query.entities;

import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.filter.CountedRows;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.filter.NativeSql;
import io.newsflow.query.filter.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

@ApplicationScoped
public class EntityRepository {

    /** The article_entity rows of the entity whose neighbours are counted. */
    private static final Rows ONE = new Rows("article_entity one", "one.article_id", "one.event_time", null, null);

    private final EntityManager entityManager;

    public EntityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    boolean exists(String id) {
        return !new NativeSql("SELECT 1 AS found FROM named_entity WHERE id = :id").bind("id", id).list(entityManager).isEmpty();
    }

    /** The entities most matching articles mention; type null for all types. */
    List<EntityCount> top(ArticleFilter filter, String type, int limit) {
        return withNames(CountedRows.ranking(filter, Dimension.ENTITY, type, limit));
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
        return withNames(sql.append(" GROUP BY g.entity_id ORDER BY articles DESC, g.entity_id LIMIT :limit").bind("limit", limit));
    }

    /** Names the entities of a ranking of (key, articles), keeping its order. */
    private List<EntityCount> withNames(NativeSql ranking) {
        return ranking.wrap("SELECT e.id, e.name, e.type, t.articles FROM (",
                        ") t JOIN named_entity e ON e.id = t.key ORDER BY t.articles DESC, e.id")
                .list(entityManager).stream()
                .map(t -> new EntityCount(t.get("id", String.class), t.get("name", String.class),
                        t.get("type", String.class), t.get("articles", Long.class)))
                .toList();
    }
}
