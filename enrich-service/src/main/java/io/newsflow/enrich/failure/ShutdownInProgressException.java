package io.newsflow.enrich.failure;

/**
 * The service stops while a record waits out a transient failure: the record is neither acknowledged
 * nor dead-lettered, so that the next consumer of its partition takes it up again.
 */
public class ShutdownInProgressException extends RuntimeException {

    public ShutdownInProgressException() {
        super("enrich-service is stopping", null, false, false);
    }
}
