package io.newsflow.enrich.failure;

/** What a failed attempt says about the next one. */
public enum FailureKind {

    /** Something the service depends on is away or busy: the same work succeeds later. Waited out, never dead-lettered. */
    TRANSIENT,

    /** Another writer got there first (a unique key): the next attempt sees its row and usually succeeds, but not forever. */
    CONFLICT,

    /** The work itself can never succeed as it is (a bug, invalid data): dead-lettered at once. */
    DETERMINISTIC
}
