package io.newsflow.ingest.parse;

/**
 * A file that cannot become articles. {@link #reason()} is a short stable code operators can count
 * and grep ({@code empty}, {@code undecodable}, {@code unsupported-type}, {@code no-article}, …);
 * the message explains it to a person.
 */
public class ParseException extends Exception {

    private final String reason;

    public ParseException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
