package io.newsflow.query.articles;

import io.newsflow.web.ProblemException;

import java.util.Locale;

/** The order of an article list ({@code sort}). */
public enum ArticleOrder {

    /** Newest stored first: the order polling and cursors were made for. */
    NEWEST,
    /** Best match of {@code q} first (PostgreSQL's cover-density rank), newest first among equals. */
    RELEVANCE;

    /** @param text the search, without which there is nothing to rank by */
    public static ArticleOrder parse(String value, String text) {
        if (value == null || value.isBlank()) {
            return NEWEST;
        }
        ArticleOrder order;
        try {
            order = valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("sort", "must be newest or relevance.");
        }
        if (order == RELEVANCE && text == null) {
            throw ProblemException.badParameter("sort", "relevance needs a search: add q.");
        }
        return order;
    }

    /** A cursor carries its list's order: one from the other order would skip or repeat articles. */
    Cursor check(Cursor cursor) {
        if (cursor != null && (cursor.rank() != null) != (this == RELEVANCE)) {
            throw ProblemException.badParameter("cursor", "belongs to a list sorted by " + (cursor.rank() != null ? "relevance" : "newest")
                    + "; pass it with the same sort.");
        }
        return cursor;
    }
}
