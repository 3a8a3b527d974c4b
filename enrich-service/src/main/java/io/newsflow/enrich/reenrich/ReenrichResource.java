package io.newsflow.enrich.reenrich;

import io.newsflow.web.Problem;
import io.newsflow.web.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/admin/reenrich")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operator endpoints (NEWSFLOW_ADMIN_API_KEY)")
public class ReenrichResource {

    private final ReenrichRunner runner;

    public ReenrichResource(ReenrichRunner runner) {
        this.runner = runner;
    }

    @POST
    @Operation(summary = "Enrich stored articles again with the running models, alias table and taxonomy, in the background")
    @APIResponse(responseCode = "202", description = "Job started; Location names its progress",
            content = @Content(schema = @Schema(implementation = ReenrichStatus.class)))
    @APIResponse(responseCode = "400", description = "Unknown scope", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Admin key missing or wrong", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A job is running (on any replica)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@QueryParam("scope") @DefaultValue("stale") String scope, UriInfo uri) {
        ReenrichScope parsed = ReenrichScope.parse(scope)
                .orElseThrow(() -> new ProblemException(Status.BAD_REQUEST, "scope must be 'stale' or 'all'."));
        ReenrichStatus job = runner.start(parsed).orElseThrow(() -> new ProblemException(Status.CONFLICT,
                "Re-enrichment job " + runner.running().map(ReenrichStatus::id).orElse("") + " is running; one job runs at a time across all replicas."));
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id()).replaceQuery(null).build()).build();
    }

    @GET
    @Operation(summary = "The last 20 re-enrichment jobs of every replica, newest first")
    public List<ReenrichStatus> recent() {
        return runner.recent();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One re-enrichment job's progress")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ReenrichStatus.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReenrichStatus job(@PathParam("id") String id) {
        return runner.find(id).orElseThrow(() -> new ProblemException(Status.NOT_FOUND, "No such re-enrichment job."));
    }
}
