package io.newsflow.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail: the body of every error the services answer. {@code reason} is a stable
 * machine-readable code (ingest's {@code invalid-json}, {@code oversize}, …) and is left out where there is none.
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Problem type; about:blank means the HTTP status says it all") String type,
        @Schema(description = "Short summary of the status") String title,
        int status,
        @Schema(description = "What was wrong with this request") String detail,
        @Schema(description = "Path of the request that failed") String instance,
        @Schema(description = "Stable code for the fault, when the service has one (e.g. invalid-json)") String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
