package io.newsflow.ingest.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem detail; {@code reason} is the same stable code a failed file's
 * {@code .error.json} carries ({@code invalid-json}, {@code oversize}, …).
 */
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(String type, String title, int status, String detail, String instance, String reason) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
