package io.newsflow.ingest.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as problem+json; the detail is ours, never an exception's own text or a class name. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response rejected(RequestRejected e, UriInfo uri) {
        Response.ResponseBuilder response = problem(e.status(), e.reason(), e.getMessage(), uri);
        if (e.status() == Status.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, "10");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() == Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        String detail = switch (status) {
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json, application/x-ndjson, text/plain, text/html or multipart/form-data.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is larger than this service accepts.";
            case METHOD_NOT_ALLOWED -> "This resource does not answer that method.";
            case NOT_FOUND -> "No resource at this path.";
            default -> "The request was refused: " + status.getReasonPhrase() + ".";
        };
        return problem(status, null, detail, uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "request to %s failed", uri.getRequestUri().getRawPath());
        return problem(Status.INTERNAL_SERVER_ERROR, null, "The request could not be handled; the server log has the cause.", uri).build();
    }

    private static Response.ResponseBuilder problem(Status status, String reason, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, uri.getRequestUri().getRawPath(), reason));
    }
}
