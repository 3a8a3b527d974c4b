package io.newsflow.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as problem+json; the detail is the service's own, never an exception's text or a class name. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait after a 503; long enough for a broker or database to come back. */
    private static final String RETRY_AFTER_SECONDS = "10";

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = problem(e.status(), e.reason(), e.getMessage(), uri);
        if (e.status() == Status.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() == Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        String detail = switch (status) {
            case NOT_FOUND -> "No resource at this path.";
            // The method and media type come from the request line and headers, not from the exception.
            case METHOD_NOT_ALLOWED -> "This resource does not answer " + request.getMethod() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "This resource does not accept a body of type " + mediaType(headers.getMediaType()) + ".";
            case NOT_ACCEPTABLE -> "This resource cannot answer in any media type the Accept header allows.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is larger than this service accepts.";
            default -> "The request was refused: " + status.getReasonPhrase() + ".";
        };
        return problem(status, null, detail, uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "request to %s failed", uri.getRequestUri().getRawPath());
        return problem(Status.INTERNAL_SERVER_ERROR, null, "The request could not be handled; the server log has the cause.", uri).build();
    }

    // Type and subtype only: parameters are free text from the client and have no place in the answer.
    private static String mediaType(MediaType type) {
        return type == null ? "(none)" : type.getType() + "/" + type.getSubtype();
    }

    private static Response.ResponseBuilder problem(Status status, String reason, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, uri.getRequestUri().getRawPath(), reason));
    }
}
