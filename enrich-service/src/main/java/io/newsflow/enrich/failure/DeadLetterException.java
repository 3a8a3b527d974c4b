package io.newsflow.enrich.failure;

/** A record that can never be processed as it is: it goes to the dead-letter topic, {@link #failure()} in its headers. */
public class DeadLetterException extends RuntimeException {

    private final transient Failure failure;

    public DeadLetterException(Failure failure, Throwable cause) {
        super(failure.exceptionClass() + ": " + failure.message(), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
