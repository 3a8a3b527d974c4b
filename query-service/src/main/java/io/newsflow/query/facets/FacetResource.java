package io.newsflow.query.facets;

import io.newsflow.query.aggregation.RankingRepository;
import io.newsflow.query.csv.CsvWriter;
import io.newsflow.query.csv.FormatParameter;
import io.newsflow.query.facets.Facets.LanguageCount;
import io.newsflow.query.facets.Facets.SourceCount;
import io.newsflow.query.facets.Facets.ThemeCount;
import io.newsflow.query.filter.Dimension;
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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rankings", description = "The most frequent themes, languages and sources among matching articles")
public class FacetResource {

    private final RankingRepository rankings;

    public FacetResource(RankingRepository rankings) {
        this.rankings = rankings;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    @Path("/themes/top")
    @Operation(summary = "The themes most articles have", description = "Matching articles per theme code, most first.")
    @APIResponse(responseCode = "200", description = ApiDocs.OK, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ThemeCount.class),
            examples = @ExampleObject(name = "themes", value = "[{\"theme\":\"ARMEDCONFLICT\",\"articles\":17},"
                    + "{\"theme\":\"SANCTIONS\",\"articles\":5}]")))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ThemeCount> themes(
            @BeanParam FilterParameters filters,
            @BeanParam FormatParameter format,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return rankings.top(filters.filter(), Dimension.THEME, null, Parameters.limit(limit)).stream()
                .map(c -> new ThemeCount(c.key(), c.articles())).toList();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    @Path("/languages")
    @Operation(summary = "The languages of the articles", description = "Matching articles per ISO 639-1 code, most first.")
    @APIResponse(responseCode = "200", description = ApiDocs.OK, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LanguageCount.class),
            examples = @ExampleObject(name = "languages", value = "[{\"language\":\"en\",\"articles\":120},"
                    + "{\"language\":\"ko\",\"articles\":40}]")))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LanguageCount> languages(
            @BeanParam FilterParameters filters,
            @BeanParam FormatParameter format,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return rankings.top(filters.filter(), Dimension.LANGUAGE, null, Parameters.limit(limit)).stream()
                .map(c -> new LanguageCount(c.key(), c.articles())).toList();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    @Path("/sources/top")
    @Operation(summary = "The sources with most articles",
            description = "Matching articles per source name, most first; articles without a source are not listed.")
    @APIResponse(responseCode = "200", description = ApiDocs.OK, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SourceCount.class),
            examples = @ExampleObject(name = "sources", value = "[{\"source\":\"Yonhap\",\"articles\":31},"
                    + "{\"source\":\"KCNA\",\"articles\":12}]")))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<SourceCount> sources(
            @BeanParam FilterParameters filters,
            @BeanParam FormatParameter format,
            @Parameter(description = ApiDocs.LIMIT, schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return rankings.top(filters.filter(), Dimension.SOURCE, null, Parameters.limit(limit)).stream()
                .map(c -> new SourceCount(c.key(), c.articles())).toList();
    }
}
