package io.newsflow.query.filter;

import io.newsflow.query.sql.Rows;

import java.util.Locale;

/** A property articles are counted by: rankings list its most frequent values, timelines one series per value. */
public enum Dimension {
    LANGUAGE(Rows.ARTICLES, "a.language"),
    SOURCE(Rows.ARTICLES, "a.source"),
    THEME(Rows.THEMES, "g.theme"),
    ENTITY(Rows.ENTITIES, "g.entity_id");

    private final Rows rows;
    private final String key;

    Dimension(Rows rows, String key) {
        this.rows = rows;
        this.key = key;
    }

    public Rows rows() {
        return rows;
    }

    /** The column holding the value; one row per article and value, so counting rows counts articles. */
    public String key() {
        return key;
    }

    /** The name clients use, e.g. in {@code groupBy=theme}. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
