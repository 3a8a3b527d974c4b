package io.newsflow.query.duplicates;

import io.newsflow.query.duplicates.DuplicateCluster.Member;
import io.newsflow.query.filter.ArticleFilter;
import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.sql.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class DuplicateRepository {

    private final EntityManager entityManager;

    public DuplicateRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The {@code limit} most recently changed clusters whose canonical article matches, with their members. */
    @Transactional
    List<DuplicateCluster> recent(ArticleFilter filter, int limit) {
        NativeSql sql = new NativeSql("SELECT dc.id, dc.canonical_id, dc.size, dc.updated_at FROM duplicate_cluster dc"
                + " JOIN article a ON a.id = dc.canonical_id WHERE true");
        filter.appendTo(sql, Rows.ARTICLES);
        sql.append(" ORDER BY dc.updated_at DESC, dc.id DESC LIMIT :limit").bind("limit", limit)
                .wrap("SELECT c.id, c.canonical_id, c.size, m.article_id, m.similarity FROM (",
                        ") c JOIN duplicate_cluster_member m ON m.cluster_id = c.id"
                                + " ORDER BY c.updated_at DESC, c.id DESC, m.joined_at, m.article_id");
        Map<Long, DuplicateCluster> clusters = new LinkedHashMap<>();
        for (Tuple t : sql.list(entityManager)) {
            clusters.computeIfAbsent(t.get("id", Long.class), id -> new DuplicateCluster(id,
                            t.get("canonical_id", String.class), t.get("size", Integer.class), new ArrayList<>()))
                    .members().add(new Member(t.get("article_id", String.class), t.get("similarity", Double.class)));
        }
        return List.copyOf(clusters.values());
    }
}
