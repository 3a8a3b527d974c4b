package io.newsflow.query.sql;

/**
 * The table a read counts rows of, and where an {@link ArticleFilter} finds each row's article id and
 * event time. The link tables carry a copy of the article's event time, so a time window on them
 * is one index range there instead of a join to {@code article}.
 *
 * @param table     table and alias for the FROM clause
 * @param articleId column holding the article id
 * @param eventTime column holding the article's event time
 * @param article   alias of {@code article} when the rows are articles themselves, else null
 * @param always    a condition every row meets, stated so that the planner can use an index whose
 *                  leading column it names; null when there is none
 */
public record Rows(String table, String articleId, String eventTime, String article, String always) {

    public static final Rows ARTICLES = new Rows("article a", "a.id", "a.event_time", "a", null);
    public static final Rows THEMES = new Rows("article_theme g", "g.article_id", "g.event_time", null, null);
    // article_entity's time index leads with entity_type: naming all three types makes a window three index ranges.
    public static final Rows ENTITIES = new Rows("article_entity g", "g.article_id", "g.event_time", null,
            "g.entity_type IN ('PERSON', 'ORGANIZATION', 'LOCATION')");
}
