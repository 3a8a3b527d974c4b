package io.newsflow.ingest.http;

import jakarta.ws.rs.core.Response.Status;

/** A request ingest refuses, with the status and a detail written for the client. */
public class RequestRejected extends RuntimeException {

    private final Status status;
    private final String reason;

    public RequestRejected(Status status, String reason, String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    public Status status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
