package io.newsflow.query.filter;

import io.newsflow.query.sql.NativeSql;
import io.newsflow.query.sql.Rows;
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
        appendTo(sql, rows, "f_");
    }

    /**
     * As {@link #appendTo(NativeSql, Rows)}, naming the bind parameters with {@code prefix}, so that one
     * statement can hold the conditions of several filters.
     */
    public void appendTo(NativeSql sql, Rows rows, String prefix) {
        if (rows.always() != null && (time.from() != null || time.to() != null)) {
            sql.append(" AND " + rows.always());
        }
        if (time.from() != null) {
            sql.append(" AND " + rows.eventTime() + " >= :" + prefix + "from").bind(prefix + "from", time.from());
        }
        if (time.to() != null) {
            sql.append(" AND " + rows.eventTime() + " < :" + prefix + "to").bind(prefix + "to", time.to());
        }
        if (language != null || source != null) {
            appendArticleColumns(sql, rows, prefix);
        }
        if (theme != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_theme ft WHERE ft.article_id = " + rows.articleId()
                    + " AND ft.theme = :" + prefix + "theme" + window("ft.event_time", prefix) + ")").bind(prefix + "theme", theme);
        }
        if (entity != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_entity fe WHERE fe.article_id = " + rows.articleId()
                    + " AND fe.entity_id = :" + prefix + "entity" + window("fe.event_time", prefix) + ")").bind(prefix + "entity", entity);
        }
    }

    /**
     * The window again, on a joined row's copy of the event time: redundant for the result, but it
     * lets the planner start from the smallest set, e.g. one theme's rows in the window by
     * (theme, event_time), instead of all rows of the window or all of the theme's.
     */
    private String window(String eventTime, String prefix) {
        return (time.from() != null ? " AND " + eventTime + " >= :" + prefix + "from" : "")
                + (time.to() != null ? " AND " + eventTime + " < :" + prefix + "to" : "");
    }

    /** How many of language, source, theme and entity are set. */
    public int conditions() {
        return (language != null ? 1 : 0) + (source != null ? 1 : 0) + (theme != null ? 1 : 0) + (entity != null ? 1 : 0);
    }

    private void appendArticleColumns(NativeSql sql, Rows rows, String prefix) {
        String alias = rows.article() != null ? rows.article() : "fa";
        if (rows.article() == null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article fa WHERE fa.id = " + rows.articleId() + window("fa.event_time", prefix));
        }
        if (language != null) {
            sql.append(" AND " + alias + ".language = :" + prefix + "language").bind(prefix + "language", language);
        }
        if (source != null) {
            sql.append(" AND " + alias + ".source = :" + prefix + "source").bind(prefix + "source", source);
        }
        if (rows.article() == null) {
            sql.append(")");
        }
    }
}
