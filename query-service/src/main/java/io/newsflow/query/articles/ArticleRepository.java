package io.newsflow.query.articles;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** A listed article with its store position, from which the next page's cursor is made. */
    record Row(long seq, ArticleSummary summary) {
    }

    /**
     * Up to {@code rows} articles matching the query, newest stored first. Native SQL because the
     * full-text match uses PostgreSQL's tsvector column, which the entity does not map.
     */
    List<Row> newestFirst(ArticleQuery query, int rows) {
        // Only fixed fragments go into the text; every value the client sent is a bind parameter.
        StringBuilder sql = new StringBuilder(
                "SELECT id, seq, title, source, author, published_at, ingested_at, language FROM article WHERE true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.text() != null) {
            sql.append(" AND search_vector @@ websearch_to_tsquery('simple', :text)");
            parameters.put("text", query.text());
        }
        if (query.language() != null) {
            sql.append(" AND language = :language");
            parameters.put("language", query.language());
        }
        if (query.source() != null) {
            sql.append(" AND source = :source");
            parameters.put("source", query.source());
        }
        if (query.time().from() != null) {
            sql.append(" AND event_time >= :from");
            parameters.put("from", query.time().from());
        }
        if (query.time().to() != null) {
            sql.append(" AND event_time < :to");
            parameters.put("to", query.time().to());
        }
        if (query.after() != null) {
            sql.append(" AND seq < :after");
            parameters.put("after", query.after().seq());
        }
        sql.append(" ORDER BY seq DESC LIMIT :rows");
        parameters.put("rows", rows);

        Query nativeQuery = getEntityManager().createNativeQuery(sql.toString(), Tuple.class);
        parameters.forEach(nativeQuery::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = nativeQuery.getResultList();
        return tuples.stream().map(ArticleRepository::row).toList();
    }

    private static Row row(Tuple t) {
        ArticleSummary summary = new ArticleSummary(t.get("id", String.class), t.get("title", String.class),
                t.get("source", String.class), t.get("author", String.class), t.get("published_at", Instant.class),
                t.get("ingested_at", Instant.class), t.get("language", String.class), List.of(), List.of(), null);
        return new Row(t.get("seq", Long.class), summary);
    }
}
