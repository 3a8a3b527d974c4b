package io.newsflow.ingest.failed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * @param total   failed files matching the filter (the items are the newest {@code limit} of them)
 * @param reasons every failed file counted by reason, whatever the filter
 */
@Schema(description = "Failed files, newest first",
        example = "{\"total\":2,\"reasons\":{\"invalid-json\":1,\"oversize\":1},\"items\":[{\"name\":\"feeds/broken.json\",\"size\":512,"
                + "\"failedAt\":\"2026-12-05T08:40:00Z\",\"reason\":\"invalid-json\",\"stage\":\"parse\",\"message\":\"Unexpected end-of-input\"}]}")
public record FailedFileList(int total, Map<String, Long> reasons, List<FailedFile> items) {
}
