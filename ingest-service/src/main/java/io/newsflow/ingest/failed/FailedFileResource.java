package io.newsflow.ingest.failed;

import io.newsflow.web.Problem;
import io.newsflow.web.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
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

import java.io.IOException;
import java.util.List;

@Path("/admin/failed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "failed files", description = "Files ingest could not take: their reasons, and their requeue (NEWSFLOW_ADMIN_API_KEY)")
public class FailedFileResource {

    static final int MAX_LIMIT = 1000;

    private final FailedFileService failed;

    public FailedFileResource(FailedFileService failed) {
        this.failed = failed;
    }

    @GET
    @Blocking
    @Operation(summary = "List failed files with their reasons",
            description = "Files in failed/, newest first, each with what its .error.json report says. 'total' counts the files "
                    + "matching 'reason'; 'reasons' counts every failed file by reason.")
    @APIResponse(responseCode = "200", description = "The failed files", content = @Content(schema = @Schema(implementation = FailedFileList.class)))
    @APIResponse(responseCode = "400", description = "A bad limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "NEWSFLOW_ADMIN_API_KEY is set and the request does not carry it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public FailedFileList list(
            @Parameter(description = "Only files that failed for this reason (oversize, invalid-json, …)") @QueryParam("reason") String reason,
            @Parameter(description = "Most files listed, 1 to 1000") @QueryParam("limit") @DefaultValue("100") int limit) throws IOException {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badParameter("limit", "must be between 1 and " + MAX_LIMIT + ".");
        }
        return failed.list(blankToNull(reason), limit);
    }

    @POST
    @Path("/requeue")
    @Blocking
    @Operation(summary = "Move failed files back into the inbox",
            description = "Exactly one selector: all=true, reason=<code>, or name=<path inside failed/> (repeatable). Each file moves "
                    + "back to its place in the inbox and its report is removed, so it is taken again as a new file. A file another "
                    + "replica requeued meanwhile is listed in 'gone'.")
    @APIResponse(responseCode = "200", description = "What was requeued", content = @Content(schema = @Schema(implementation = RequeueResult.class)))
    @APIResponse(responseCode = "400", description = "No selector or more than one, a name that is not a failed file, or one that points "
            + "outside failed/; nothing was requeued", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "NEWSFLOW_ADMIN_API_KEY is set and the request does not carry it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RequeueResult requeue(
            @Parameter(description = "Requeue every failed file") @QueryParam("all") @DefaultValue("false") boolean all,
            @Parameter(description = "Requeue the files that failed for this reason") @QueryParam("reason") String reason,
            @Parameter(description = "Requeue this file (its name as the list gives it); repeatable") @QueryParam("name") List<String> names)
            throws IOException {
        String byReason = blankToNull(reason);
        int selectors = (all ? 1 : 0) + (byReason != null ? 1 : 0) + (names.isEmpty() ? 0 : 1);
        if (selectors != 1) {
            throw ProblemException.badRequest("Say which files to requeue with exactly one of all=true, reason=<code> or name=<file> "
                    + "(repeatable).");
        }
        return all ? failed.requeueAll() : byReason != null ? failed.requeueByReason(byReason) : failed.requeueByName(names);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
