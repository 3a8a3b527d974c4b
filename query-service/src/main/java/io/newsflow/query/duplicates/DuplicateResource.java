package io.newsflow.query.duplicates;

import io.newsflow.query.filter.FilterParameters;
import io.newsflow.query.filter.Parameters;
import io.newsflow.query.http.ApiDocs;
import io.newsflow.web.Problem;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duplicates", description = "Clusters of near-duplicate articles")
public class DuplicateResource {

    private final DuplicateRepository repository;

    public DuplicateResource(DuplicateRepository repository) {
        this.repository = repository;
    }

    @GET
    @Operation(summary = "Near-duplicate clusters, most recently changed first",
            description = "Each cluster lists its members (the canonical, earliest article included) in the order "
                    + "they joined. The filters apply to the canonical article.")
    @APIResponse(responseCode = "200", description = ApiDocs.OK, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = DuplicateCluster.class),
            examples = @ExampleObject(name = "clusters", value = "[{\"clusterId\":42,"
                    + "\"canonicalId\":\"5f0c6b8e2a9d4f1b8c3e7a6d9b2f4e10\",\"size\":2,\"members\":["
                    + "{\"id\":\"5f0c6b8e2a9d4f1b8c3e7a6d9b2f4e10\",\"similarity\":0.91},"
                    + "{\"id\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\",\"similarity\":0.91}]}]")))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DuplicateCluster> duplicates(
            @BeanParam FilterParameters filters,
            @Parameter(description = "Clusters at most, 1 to 1000", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return repository.recent(filters.filter(), Parameters.limit(limit));
    }
}
