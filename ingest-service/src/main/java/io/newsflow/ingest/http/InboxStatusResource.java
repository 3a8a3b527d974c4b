package io.newsflow.ingest.http;

import io.newsflow.ingest.watch.InboxStatus;
import io.newsflow.ingest.watch.InboxWatcher;
import io.newsflow.web.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;

@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inbox", description = "What the watched folder still holds")
public class InboxStatusResource {

    private final InboxWatcher watcher;

    public InboxStatusResource(InboxWatcher watcher) {
        this.watcher = watcher;
    }

    @GET
    @Blocking
    @Operation(summary = "The inbox's backlog",
            description = "Files waiting in the inbox (as of the last scan), files being read or awaiting Kafka's "
                    + "acknowledgement on this replica, and files in failed/. query-service's /api/v1/stats shows them "
                    + "as its pipeline object.")
    @APIResponse(responseCode = "200", description = "The counts")
    @APIResponse(responseCode = "401", description = "NEWSFLOW_API_KEY is set and the request does not carry it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public InboxStatus status() throws IOException {
        return watcher.status();
    }
}
