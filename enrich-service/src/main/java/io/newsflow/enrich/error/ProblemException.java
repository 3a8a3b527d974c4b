package io.newsflow.enrich.error;

import jakarta.ws.rs.core.Response.Status;

/** A request refused with a status and a detail written for the caller (never an exception's own text). */
public class ProblemException extends RuntimeException {

    private final Status status;

    public ProblemException(Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
