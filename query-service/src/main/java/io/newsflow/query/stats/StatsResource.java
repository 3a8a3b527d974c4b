package io.newsflow.query.stats;

import io.newsflow.query.pipeline.PipelineService;
import io.newsflow.web.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats", description = "Totals over everything stored")
public class StatsResource {

    private final StatsRepository repository;
    private final PipelineService pipeline;

    public StatsResource(StatsRepository repository, PipelineService pipeline) {
        this.repository = repository;
        this.pipeline = pipeline;
    }

    @GET
    @Operation(summary = "Store totals",
            description = "Articles stored, re-dropped articles recognised as duplicates, articles that are a "
                    + "near-duplicate of an earlier one, distinct languages, distinct entities and when the newest "
                    + "article arrived; and the pipeline's backlog (pipeline): files waiting in ingest's inbox, articles "
                    + "waiting in Kafka (enrich's consumer lag), dead letters, failed files, articles finished per second "
                    + "over the last minute, the pending total and an estimate of the seconds left. The backlog is read "
                    + "every NEWSFLOW_QUERY_PIPELINE_REFRESH (2 s); a part that cannot be read has null numbers and its "
                    + "reason in inboxError or kafkaError. The ETag changes when the backlog does.")
    @APIResponse(responseCode = "200", description = "The totals; ETag and If-None-Match supported")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A query parameter was given; this endpoint takes none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Stats stats() {
        return repository.totals(pipeline.current());
    }
}
