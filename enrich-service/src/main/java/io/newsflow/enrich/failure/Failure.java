package io.newsflow.enrich.failure;

/**
 * A failed attempt, classified.
 *
 * @param waitingFor  what a transient failure waits for ({@code database}, {@code kafka}, {@code lock}); null otherwise
 * @param fingerprint the same for every failure of the same kind at the same place, whatever ids or values its
 *                    message names: what dead letters are grouped and replayed by
 */
public record Failure(FailureKind kind, String waitingFor, String exceptionClass, String message, String fingerprint) {
}
