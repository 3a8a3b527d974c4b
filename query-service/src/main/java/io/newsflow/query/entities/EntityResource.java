package io.newsflow.query.entities;

import io.newsflow.query.csv.CsvWriter;
import io.newsflow.query.csv.FormatParameter;
import io.newsflow.query.filter.FilterParameters;
import io.newsflow.query.filter.Parameters;
import io.newsflow.query.http.ApiDocs;
import io.newsflow.web.Problem;
import io.newsflow.web.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

@Path("/api/v1/entities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities", description = "People, organizations and places the articles mention")
public class EntityResource {

    private static final String EXAMPLE = "[{\"id\":\"person/kim-jong-un\",\"name\":\"Kim Jong Un\",\"type\":\"PERSON\",\"articles\":12},"
            + "{\"id\":\"location/pyongyang\",\"name\":\"Pyongyang\",\"type\":\"LOCATION\",\"articles\":9}]";

    private final EntityRepository repository;
    private final EntityService service;

    public EntityResource(EntityRepository repository, EntityService service) {
        this.repository = repository;
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    @Path("/top")
    @Operation(summary = "The entities most articles mention",
            description = "Counts matching articles per entity (an article mentioning one several times counts once), "
                    + "most first, ties by id. Aliases are already resolved to the canonical entity.")
    @APIResponse(responseCode = "200", description = ApiDocs.OK, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EntityCount.class),
            examples = @ExampleObject(name = "top", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EntityCount> top(
            @Parameter(description = ApiDocs.TYPE, example = ApiDocs.TYPE_EXAMPLE) @QueryParam("type") String type,
            @BeanParam FilterParameters filters,
            @BeanParam FormatParameter format,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return repository.top(filters.filter(), Parameters.entityType(type),
                Parameters.limit(limit));
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    // Entity ids contain a slash (person/kim-jong-un), so the id spans two path segments.
    @Path("/{id: .+}/related")
    @Operation(summary = "Entities mentioned together with one entity",
            description = "Counts, per other entity, the matching articles that mention both, most first. "
                    + "Call it as /entities/person/kim-jong-un/related.")
    @APIResponse(responseCode = "200", description = ApiDocs.OK, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EntityCount.class),
            examples = @ExampleObject(name = "related", value = EXAMPLE)))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST + ", or not an entity id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No entity with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<EntityCount> related(
            @Parameter(description = "Entity id", example = ApiDocs.ENTITY_EXAMPLE) @PathParam("id") String id,
            @Parameter(description = ApiDocs.TYPE, example = ApiDocs.TYPE_EXAMPLE) @QueryParam("type") String type,
            @BeanParam FilterParameters filters,
            @BeanParam FormatParameter format,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("limit") String limit) {
        if (!Parameters.isEntityId(id)) {
            throw ProblemException.badRequest("Path segment 'id' must be an entity id such as 'person/kim-jong-un'.");
        }
        return service.related(id, filters.filter(), Parameters.entityType(type), Parameters.limit(limit))
                .orElseThrow(() -> ProblemException.notFound("No entity with id " + id + "."));
    }
}
