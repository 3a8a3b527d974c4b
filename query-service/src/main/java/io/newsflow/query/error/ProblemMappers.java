package io.newsflow.query.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into problem+json; details come only from this service, never from an exception's text. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        Status status = Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null || status.getFamily() == Status.Family.SERVER_ERROR) {
            return unexpected(e, uri);
        }
        return respond(status, frameworkDetail(status), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "Request to %s failed", uri.getRequestUri().getRawPath());
        return respond(Status.INTERNAL_SERVER_ERROR, "The request could not be answered; the server log has the cause.", uri);
    }

    private static String frameworkDetail(Status status) {
        return switch (status) {
            case NOT_FOUND -> "No resource at this path.";
            case METHOD_NOT_ALLOWED -> "This API only answers GET.";
            case NOT_ACCEPTABLE -> "This API only produces application/json.";
            default -> "The request was refused: " + status.getReasonPhrase() + ".";
        };
    }

    private static Response respond(Status status, String detail, UriInfo uri) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail,
                uri.getRequestUri().getRawPath());
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
