package io.newsflow.stack;

/**
 * The database and the two roles the stack creates: an owner (enrich: migrations and writes) and a
 * read-only reader (query-service). Names are SQL identifiers chosen by the stack, never user input.
 */
public record DatabaseAccess(String database, String ownerUser, String ownerPassword, String readerUser, String readerPassword) {

    public DatabaseAccess {
        for (String identifier : new String[] {database, ownerUser, readerUser}) {
            if (!identifier.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a plain SQL identifier: " + identifier);
            }
        }
    }

    /** Local-only credentials: the embedded server listens on 127.0.0.1 and never leaves the machine. */
    public static DatabaseAccess local() {
        return new DatabaseAccess("newsflow", "newsflow", "newsflow-local", "newsflow_reader", "newsflow-reader-local");
    }
}
