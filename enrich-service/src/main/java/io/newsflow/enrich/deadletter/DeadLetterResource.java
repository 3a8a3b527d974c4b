package io.newsflow.enrich.deadletter;

import io.newsflow.web.Problem;
import io.newsflow.web.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Operator endpoints (NEWSFLOW_ADMIN_API_KEY)")
public class DeadLetterResource {

    private final DeadLetterService deadLetters;

    public DeadLetterResource(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "The records in the dead-letter topic, grouped by failure (fingerprint), most records first")
    @APIResponse(responseCode = "200", description = "One entry per failure; `pending` counts the events a replay would publish")
    @APIResponse(responseCode = "503", description = "Kafka did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeadLetterGroup> list() {
        return deadLetters.groups();
    }

    @POST
    @Path("replay")
    @Operation(summary = "Publish dead letters to the raw topic again: those of one failure, or all; events stored since are skipped")
    @APIResponse(responseCode = "200", description = "How many were published, how many skipped as stored",
            content = @Content(schema = @Schema(implementation = ReplayResult.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of fingerprint and all", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No dead letter has that fingerprint", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReplayResult replay(@Parameter(description = "A fingerprint from the list") @QueryParam("fingerprint") String fingerprint,
                               @Parameter(description = "true: every dead letter") @QueryParam("all") String all) {
        boolean everything = "true".equals(all);
        if (all != null && !everything && !"false".equals(all)) {
            throw ProblemException.badParameter("all", "must be true or false.");
        }
        boolean one = fingerprint != null && !fingerprint.isBlank();
        if (one == everything) {
            throw ProblemException.badRequest("Give either fingerprint=<a fingerprint from GET /admin/dead-letters> or all=true.");
        }
        return deadLetters.replay(everything ? null : fingerprint.strip());
    }
}
