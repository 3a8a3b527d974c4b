package io.newsflow.query.error;

import jakarta.ws.rs.core.Response.Status;

/**
 * A failure whose detail is safe to show the client. Anything else that escapes a resource is
 * answered with a generic 500, so internal messages never reach a response body.
 */
public class ProblemException extends RuntimeException {

    private final Status status;

    private ProblemException(Status status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public static ProblemException badParameter(String parameter, String reason) {
        return new ProblemException(Status.BAD_REQUEST, "Query parameter '" + parameter + "' " + reason);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST, detail);
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Status.UNAUTHORIZED, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, detail);
    }

    public Status status() {
        return status;
    }
}
