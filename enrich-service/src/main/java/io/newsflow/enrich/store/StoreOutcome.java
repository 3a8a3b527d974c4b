package io.newsflow.enrich.store;

/** What storing one event did. */
public enum StoreOutcome {
    /** A new article. */
    STORED,
    /** The same content was already stored: recorded as a dropped duplicate. */
    DUPLICATE,
    /** This very event was processed before (a redelivery): nothing changed. */
    REDELIVERED
}
