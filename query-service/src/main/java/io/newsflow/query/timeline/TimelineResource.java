package io.newsflow.query.timeline;

import io.newsflow.query.csv.CsvWriter;
import io.newsflow.query.csv.FormatParameter;
import io.newsflow.query.filter.Dimension;
import io.newsflow.query.filter.FilterParameters;
import io.newsflow.query.filter.Parameters;
import io.newsflow.query.http.ApiDocs;
import io.newsflow.web.Problem;
import io.newsflow.web.ProblemException;
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

import java.util.Arrays;

@Path("/api/v1/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "timeline", description = "Article counts over time, for charts")
public class TimelineResource {

    /** Series on one chart; more than a handful are unreadable anyway. */
    static final int DEFAULT_SERIES = 10;

    private final TimelineService service;

    public TimelineResource(TimelineService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.MEDIA_TYPE})
    @Operation(summary = "Articles per time bucket, optionally one series per language, theme, source or entity",
            description = "Counts articles by event time (published, else ingested) in buckets aligned to UTC "
                    + "(weeks start on Monday). Every bucket of the window is listed, empty ones with count 0. "
                    + "An open from/to ends at the first/last matching article. interval=auto (the default) takes "
                    + "15-minute buckets for windows up to 72 hours, hourly up to 7 days, daily beyond (weekly when "
                    + "that would exceed " + TimelineService.MAX_BUCKETS + " buckets); the chosen width is returned "
                    + "in interval. Windows needing more than " + TimelineService.MAX_BUCKETS + " buckets are a 400.")
    @APIResponse(responseCode = "200", description = ApiDocs.OK, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Timeline.class), examples = {
                    @ExampleObject(name = "ungrouped", value = "{\"interval\":\"1h\",\"from\":\"2024-06-20T00:00:00Z\","
                            + "\"to\":\"2024-06-20T03:00:00Z\",\"buckets\":[{\"start\":\"2024-06-20T00:00:00Z\",\"count\":4},"
                            + "{\"start\":\"2024-06-20T01:00:00Z\",\"count\":0},{\"start\":\"2024-06-20T02:00:00Z\",\"count\":2}]}"),
                    @ExampleObject(name = "grouped", value = "{\"interval\":\"1d\",\"from\":\"2024-06-20T00:00:00Z\","
                            + "\"to\":\"2024-06-22T00:00:00Z\",\"series\":[{\"key\":\"en\",\"total\":5,\"buckets\":["
                            + "{\"start\":\"2024-06-20T00:00:00Z\",\"count\":5},{\"start\":\"2024-06-21T00:00:00Z\",\"count\":0}]}]}")}))
    @APIResponse(responseCode = "304", description = ApiDocs.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = ApiDocs.BAD_REQUEST + ", or a window of too many buckets",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Timeline timeline(
            @Parameter(description = "Bucket width", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"15m", "1h", "1d", "1w", "auto"}, defaultValue = "auto"))
            @QueryParam("interval") String interval,
            @Parameter(description = "One series per value of this property, the most frequent first",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"language", "theme", "source", "entity"}))
            @QueryParam("groupBy") String groupBy,
            @Parameter(description = "How many series at most when grouped, 1 to 1000",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10"))
            @QueryParam("limit") String limit,
            @BeanParam FilterParameters filters,
            @BeanParam FormatParameter format) {
        TimelineQuery query = new TimelineQuery(filters.filter(),
                Interval.parse(interval), groupBy(groupBy), Parameters.limit(limit, DEFAULT_SERIES));
        return service.timeline(query);
    }

    private static Dimension groupBy(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(Dimension.values()).filter(d -> d.parameterValue().equals(value.trim())).findFirst()
                .orElseThrow(() -> ProblemException.badParameter("groupBy", "must be language, theme, source or entity."));
    }
}
