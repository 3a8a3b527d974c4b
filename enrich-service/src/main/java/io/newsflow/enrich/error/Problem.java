package io.newsflow.enrich.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error enrich-service's HTTP API answers. */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(description = "Problem type; about:blank means the HTTP status says it all") String type,
        @Schema(description = "Short summary of the status") String title,
        int status,
        @Schema(description = "What was wrong with this request") String detail,
        @Schema(description = "Path of the request that failed") String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
