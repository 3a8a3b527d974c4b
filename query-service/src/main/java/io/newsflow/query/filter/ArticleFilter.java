package io.newsflow.query.filter;

import io.newsflow.query.http.Parameters;
import io.newsflow.query.time.TimeRange;

/**
 * The article filters every list, ranking and timeline accepts; null fields do not filter. Each
 * becomes a condition on the rows a read counts, so lists, timelines and rankings agree on which
 * articles match.
 */
public record ArticleFilter(TimeRange time, String language, String source, String theme, String entity) {

    /** Validates the parameters as clients send them; absent ones are null. */
    public static ArticleFilter parse(String from, String to, String language, String source, String theme,
                                      String entity) {
        return new ArticleFilter(TimeRange.parse(from, to), Parameters.language(language),
                Parameters.text("source", source), Parameters.theme(theme), Parameters.entity(entity));
    }

    public ArticleFilter within(TimeRange window) {
        return new ArticleFilter(window, language, source, theme, entity);
    }

    /** Appends {@code AND …} conditions on {@code rows}; the statement must already have a WHERE clause. */
    public void appendTo(NativeSql sql, Rows rows) {
        if (rows.always() != null && (time.from() != null || time.to() != null)) {
            sql.append(" AND " + rows.always());
        }
        if (time.from() != null) {
            sql.append(" AND " + rows.eventTime() + " >= :f_from").bind("f_from", time.from());
        }
        if (time.to() != null) {
            sql.append(" AND " + rows.eventTime() + " < :f_to").bind("f_to", time.to());
        }
        if (language != null || source != null) {
            appendArticleColumns(sql, rows);
        }
        if (theme != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_theme ft WHERE ft.article_id = " + rows.articleId()
                    + " AND ft.theme = :f_theme)").bind("f_theme", theme);
        }
        if (entity != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity fe WHERE fe.article_id = " + rows.articleId()
                    + " AND fe.entity_id = :f_entity)").bind("f_entity", entity);
        }
    }

    private void appendArticleColumns(NativeSql sql, Rows rows) {
        String alias = rows.article() != null ? rows.article() : "fa";
        if (rows.article() == null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article fa WHERE fa.id = " + rows.articleId());
        }
        if (language != null) {
            sql.append(" AND " + alias + ".language = :f_language").bind("f_language", language);
        }
        if (source != null) {
            sql.append(" AND " + alias + ".source = :f_source").bind("f_source", source);
        }
        if (rows.article() == null) {
            sql.append(")");
        }
    }
}
