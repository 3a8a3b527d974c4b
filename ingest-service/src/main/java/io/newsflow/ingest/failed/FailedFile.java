package io.newsflow.ingest.failed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A file in failed/ and what its {@code .error.json} report says.
 *
 * @param name     its path inside failed/ ({@code /}-separated), as the inbox had it (with {@code -1}, {@code -2} … on a clash)
 * @param failedAt the report's time; the file's modification time when it has no report
 * @param reason   the report's reason code ({@code oversize}, {@code invalid-json}, …); {@code unknown} without a report
 */
@Schema(description = "A file ingest could not take, with its reason",
        example = "{\"name\":\"feeds/broken.json\",\"size\":512,\"failedAt\":\"2026-12-05T08:40:00Z\",\"reason\":\"invalid-json\","
                + "\"stage\":\"parse\",\"message\":\"Unexpected end-of-input at line 3\"}")
public record FailedFile(String name, long size, Instant failedAt, String reason, String stage, String message) {
}
