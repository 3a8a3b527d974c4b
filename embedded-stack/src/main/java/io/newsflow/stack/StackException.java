package io.newsflow.stack;

/** A start-up failure of the embedded stack, worded for the person who ran the command. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
