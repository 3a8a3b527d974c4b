package io.newsflow.query.articles;

import io.newsflow.query.articles.ArticleDetail.EntityMention;
import io.newsflow.query.articles.ArticleDetail.NearDuplicate;
import io.newsflow.query.articles.ArticleDetail.Span;
import io.newsflow.query.articles.ArticleDetail.ThemeScore;
import io.newsflow.query.articles.ArticleSummary.EntityRef;
import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.sql.Rows;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** A listed article with its position (store sequence, and rank when sorted by relevance), from which the next page's cursor is made. */
    record Row(long seq, Float rank, ArticleSummary summary) {

        Cursor cursor() {
            return new Cursor(seq, rank);
        }
    }

    /** A search's newest page walks at most this many articles per row asked before asking the index: words in 2 % of the articles or more. */
    static final int WALKED_PER_ROW = 50;

    // The canonical article of the article's near-duplicate cluster, unless it is that article itself.
    private static final String DUPLICATE_OF = """
            (SELECT nullif(c.canonical_id, m.article_id) FROM duplicate_cluster_member m
               JOIN duplicate_cluster c ON c.id = m.cluster_id WHERE m.article_id = a.id) AS duplicate_of""";

    /**
     * Up to {@code rows} articles matching the query in its order; themes and entities still empty.
     * The search's OR of all languages is made into a tsquery once, by an uncorrelated subquery (an
     * init plan), whatever the plan: the GIN index for a rare word, the store order for a common one.
     */
    List<Row> list(ArticleQuery query, int rows) {
        if (query.text() != null && query.order() != ArticleOrder.RELEVANCE) {
            List<Row> newest = walkingNewest(query, rows);
            if (newest.size() == rows) {
                return newest;
            }
        }
        return select(query, rows, null);
    }

    /**
     * A search's newest page read by walking the store order backwards over the newest {@value #WALKED_PER_ROW} × rows
     * articles only. A word in a few percent of the articles fills the page after some hundred rows, where the index
     * bitmap reads every match (45,000 at a million articles: 0.6 s); a rarer word leaves the page short and the
     * caller asks the index. The planner cannot tell the two apart (the query is a parameter, estimated at its
     * default selectivity), so the walk is asked for: bitmap and sequential scans off for this statement only.
     */
    private List<Row> walkingNewest(ArticleQuery query, int rows) {
        Tuple previous = (Tuple) getEntityManager().createNativeQuery("SELECT current_setting('enable_bitmapscan') AS bitmap,"
                + " current_setting('enable_seqscan') AS seq, set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)",
                Tuple.class).getSingleResult();
        List<Row> walked = select(query, rows, (long) rows * WALKED_PER_ROW);
        // Local to the transaction: a failed statement rolls them back with it; after a good one the index is asked as usual.
        getEntityManager().createNativeQuery("SELECT set_config('enable_bitmapscan', ?1, true), set_config('enable_seqscan', ?2, true)")
                .setParameter(1, previous.get("bitmap", String.class)).setParameter(2, previous.get("seq", String.class)).getSingleResult();
        return walked;
    }

    /** Up to {@code rows} articles in the query's order; with {@code window}, only among that many of the newest below the cursor. */
    private List<Row> select(ArticleQuery query, int rows, Long window) {
        boolean relevance = query.order() == ArticleOrder.RELEVANCE;
        NativeSql sql = new NativeSql("SELECT * FROM (SELECT a.id, a.seq, a.title, a.source, a.author, a.published_at, a.ingested_at,"
                + " a.language, " + DUPLICATE_OF
                + (relevance ? ", ts_rank_cd(a.search_vector, (SELECT newsflow_search_query(:text))) AS rank" : "")
                + " FROM article a WHERE true");
        if (query.text() != null) {
            // The OR of every language's reading finds the candidates in the index; each is then held to its own
            // language's reading, so "rescue -geneva" excludes an English article saying Geneva, whatever German makes of it.
            sql.append(" AND a.search_vector @@ (SELECT newsflow_search_query(:text))"
                    + " AND a.search_vector @@ websearch_to_tsquery(newsflow_search_config(a.language), :text)")
                    .bind("text", SearchText.indexed(query.text()));
        }
        query.filter().appendTo(sql, Rows.ARTICLES);
        if (query.since() != null) {
            sql.append(" AND a.seq > :since").bind("since", query.since().seq());
        }
        if (window != null) {
            if (query.after() != null) {
                sql.append(" AND a.seq > :floor").bind("floor", query.after().seq() - window);
            } else {
                sql.append(" AND a.seq > (SELECT max(seq) FROM article) - :window").bind("window", window);
            }
        }
        sql.append(") listed WHERE true");
        if (query.after() != null) {
            if (relevance) {
                sql.append(" AND (listed.rank, listed.seq) < (CAST(:rank AS real), :after)").bind("rank", query.after().rank().doubleValue());
            } else {
                sql.append(" AND listed.seq < :after");
            }
            sql.bind("after", query.after().seq());
        }
        sql.append(relevance ? " ORDER BY listed.rank DESC, listed.seq DESC" : " ORDER BY listed.seq DESC").append(" LIMIT :rows").bind("rows", rows);
        return sql.list(getEntityManager()).stream().map(t -> row(t, relevance)).toList();
    }

    /** The theme codes of each of the articles, highest score first; one statement for the whole page. */
    Map<String, List<String>> themeCodes(Collection<String> ids) {
        Map<String, List<String>> themes = new HashMap<>();
        new NativeSql("SELECT article_id, theme FROM article_theme WHERE article_id IN (:ids)"
                + " ORDER BY article_id, score DESC, theme").bind("ids", ids).list(getEntityManager())
                .forEach(t -> themes.computeIfAbsent(t.get("article_id", String.class), k -> new ArrayList<>())
                        .add(t.get("theme", String.class)));
        return themes;
    }

    /** The entities each of the articles mentions, most mentioned first; one statement for the whole page. */
    Map<String, List<EntityRef>> entityRefs(Collection<String> ids) {
        Map<String, List<EntityRef>> entities = new HashMap<>();
        new NativeSql("SELECT ae.article_id, e.id, e.name, e.type FROM article_entity ae"
                + " JOIN named_entity e ON e.id = ae.entity_id WHERE ae.article_id IN (:ids)"
                + " ORDER BY ae.article_id, ae.mentions DESC, e.id").bind("ids", ids).list(getEntityManager())
                .forEach(t -> entities.computeIfAbsent(t.get("article_id", String.class), k -> new ArrayList<>())
                        .add(new EntityRef(t.get("id", String.class), t.get("name", String.class),
                                t.get("type", String.class))));
        return entities;
    }

    List<ThemeScore> themeScores(String id) {
        return new NativeSql("SELECT theme, score FROM article_theme WHERE article_id = :id ORDER BY score DESC, theme")
                .bind("id", id).list(getEntityManager()).stream()
                .map(t -> new ThemeScore(t.get("theme", String.class), t.get("score", Double.class))).toList();
    }

    List<EntityMention> entityMentions(String id) {
        Map<String, List<Span>> spans = spans(id);
        return new NativeSql("SELECT e.id, e.name, e.type, ae.mentions FROM article_entity ae"
                + " JOIN named_entity e ON e.id = ae.entity_id WHERE ae.article_id = :id ORDER BY ae.mentions DESC, e.id")
                .bind("id", id).list(getEntityManager()).stream()
                .map(t -> new EntityMention(t.get("id", String.class), t.get("name", String.class),
                        t.get("type", String.class), t.get("mentions", Integer.class),
                        spans.getOrDefault(t.get("id", String.class), List.of()))).toList();
    }

    // Unnested in SQL so the driver hands over plain integers rather than array types.
    private Map<String, List<Span>> spans(String id) {
        Map<String, List<Span>> spans = new HashMap<>();
        new NativeSql("SELECT ae.entity_id, m.span_start, m.span_end FROM article_entity ae"
                + " CROSS JOIN LATERAL unnest(ae.mention_starts, ae.mention_ends) AS m(span_start, span_end)"
                + " WHERE ae.article_id = :id ORDER BY ae.entity_id, m.span_start").bind("id", id).list(getEntityManager())
                .forEach(t -> spans.computeIfAbsent(t.get("entity_id", String.class), k -> new ArrayList<>())
                        .add(new Span(t.get("span_start", Integer.class), t.get("span_end", Integer.class))));
        return spans;
    }

    List<NearDuplicate> nearDuplicates(String id) {
        return new NativeSql("SELECT other_id, similarity FROM near_duplicate WHERE article_id = :id"
                + " ORDER BY similarity DESC, other_id").bind("id", id).list(getEntityManager()).stream()
                .map(t -> new NearDuplicate(t.get("other_id", String.class), t.get("similarity", Double.class))).toList();
    }

    String duplicateOf(String id) {
        List<Tuple> rows = new NativeSql("SELECT " + DUPLICATE_OF + " FROM article a WHERE a.id = :id")
                .bind("id", id).list(getEntityManager());
        return rows.isEmpty() ? null : rows.get(0).get("duplicate_of", String.class);
    }

    private static Row row(Tuple t, boolean ranked) {
        ArticleSummary summary = new ArticleSummary(t.get("id", String.class), t.get("title", String.class),
                t.get("source", String.class), t.get("author", String.class), t.get("published_at", Instant.class),
                t.get("ingested_at", Instant.class), t.get("language", String.class), List.of(), List.of(),
                t.get("duplicate_of", String.class));
        return new Row(t.get("seq", Long.class), ranked ? t.get("rank", Float.class) : null, summary);
    }
}
