package io.newsflow.ingest.failed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * @param requeued the files moved back into the inbox, their reports removed
 * @param gone     files selected that another replica (or a person) moved or deleted meanwhile
 */
@Schema(description = "What a requeue moved back into the inbox",
        example = "{\"requeued\":[{\"name\":\"feeds/broken.json\",\"inboxName\":\"feeds/broken.json\"}],\"gone\":[]}")
public record RequeueResult(List<Requeued> requeued, List<String> gone) {

    /** @param inboxName where it now waits: its failed/ name, with a {@code -1} … when the inbox holds that name already */
    public record Requeued(String name, String inboxName) {
    }
}
