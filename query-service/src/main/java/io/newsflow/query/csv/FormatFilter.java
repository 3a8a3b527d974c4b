package io.newsflow.query.csv;

import io.newsflow.web.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code format=csv|json} stands for the Accept header, for clients that cannot set headers (a
 * spreadsheet's "import from URL", a link in a page). Runs before the endpoint is chosen, so content
 * negotiation sees it; an endpoint without CSV then answers 406 as for the header.
 */
public class FormatFilter {

    @ServerRequestFilter(preMatching = true)
    public void acceptFromFormat(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst(FormatParameter.NAME);
        if (format == null) {
            return;
        }
        String accept = switch (format.trim()) {
            case "csv" -> CsvWriter.MEDIA_TYPE;
            case "json" -> MediaType.APPLICATION_JSON;
            default -> throw ProblemException.badParameter(FormatParameter.NAME, "must be csv or json.");
        };
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept);
    }
}
