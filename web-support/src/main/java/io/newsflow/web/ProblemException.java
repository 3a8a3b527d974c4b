package io.newsflow.web;

import jakarta.ws.rs.core.Response.Status;

/**
 * A request refused with a status and a detail written for the caller. Anything else that escapes a
 * resource is answered with a generic 500, so an exception's own text never reaches a response body.
 */
public class ProblemException extends RuntimeException {

    private final Status status;
    private final String reason;

    public ProblemException(Status status, String reason, String detail) {
        // No stack trace: these are expected refusals, thrown per bad request.
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public ProblemException(Status status, String detail) {
        this(status, null, detail);
    }

    public static ProblemException badParameter(String parameter, String reason) {
        return new ProblemException(Status.BAD_REQUEST, "Query parameter '" + parameter + "' " + reason);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST, detail);
    }

    public static ProblemException unauthorized(String reason, String detail) {
        return new ProblemException(Status.UNAUTHORIZED, reason, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, detail);
    }

    public Status status() {
        return status;
    }

    /** The stable code for the fault, or null. */
    public String reason() {
        return reason;
    }
}
