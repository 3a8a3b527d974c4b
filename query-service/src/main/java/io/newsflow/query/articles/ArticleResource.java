package io.newsflow.query.articles;

import io.newsflow.query.filter.FilterParameters;
import io.newsflow.query.filter.Parameters;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.regex.Pattern;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles", description = "Stored articles: newest-first lists, full-text search and single articles")
public class ArticleResource {

    /** Article ids are content hashes: 32 lowercase hex characters. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private final ArticleService service;

    public ArticleResource(ArticleService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List articles, newest stored first",
            description = "Filters combine with AND. Time filters apply to the article's event time: when it was "
                    + "published, else when it arrived. Follow nextCursor, with the same filters, for the next page. "
                    + "Each item lists its theme codes, the entities it mentions and, for a near-duplicate, "
                    + "duplicateOf: the canonical (earliest) article of its cluster.")
    @APIResponse(responseCode = "200", description = "A page of articles; ETag and If-None-Match supported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\":[{\"id\":\"0a1b2c3d4e5f60718293a4b5c6d7e8f9\","
                            + "\"title\":\"Talks resume\",\"source\":\"Yonhap\",\"author\":null,"
                            + "\"publishedAt\":\"2024-06-20T10:41:00Z\",\"ingestedAt\":\"2024-06-20T10:45:02Z\","
                            + "\"language\":\"en\",\"themes\":[\"ARMEDCONFLICT\"],\"entities\":[{\"id\":"
                            + "\"person/kim-jong-un\",\"name\":\"Kim Jong Un\",\"type\":\"PERSON\"}],"
                            + "\"duplicateOf\":\"5f0c6b8e2a9d4f1b8c3e7a6d9b2f4e10\"}],\"nextCursor\":\"czEy\"}")))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Unknown parameter or invalid value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticlePage list(
            @Parameter(description = "Full-text search over title and body, in each article's language: a word also finds its "
                    + "other forms (sanction, sanctions; Путин, Путина), Chinese, Japanese and Korean words are found inside "
                    + "sentences; supports \"quoted phrases\", OR and -exclusion")
            @QueryParam("q") String q,
            @Parameter(description = "newest (default): newest stored first; relevance: best match of q first, newest first among equals",
                    schema = @Schema(enumeration = {"newest", "relevance"}, defaultValue = "newest"))
            @QueryParam("sort") String sort,
            @BeanParam FilterParameters filters,
            @Parameter(description = "Page size, 1 to 1000", schema = @Schema(defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page")
            @QueryParam("cursor") String cursor,
            @Parameter(description = "latestCursor of an earlier answer: only articles stored after it (polling for what is new)")
            @QueryParam("since") String since) {
        String text = Parameters.text("q", q);
        ArticleOrder order = ArticleOrder.parse(sort, text);
        Cursor sinceCursor = Cursor.parse("since", since);
        if (sinceCursor != null && sinceCursor.rank() != null) {
            throw ProblemException.badParameter("since", "must be a latestCursor, not a nextCursor.");
        }
        ArticleQuery query = new ArticleQuery(text, filters.filter(), order, order.check(Cursor.parse(cursor)), sinceCursor,
                Parameters.limit(limit));
        return service.list(query);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One article with its text",
            description = "With its themes and scores, the entities it mentions and how often, its verified "
                    + "near-duplicates with their similarity, and duplicateOf when it is not its cluster's canonical article. "
                    + "cleanBody is the text enrich analysed (null for articles stored before it was kept); each entity's "
                    + "spans are [start, end) UTF-16 offsets into title + \"\\n\" + cleanBody (cleanBody alone when "
                    + "there is no title).")
    @APIResponse(responseCode = "200", description = "The article; ETag and If-None-Match supported")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Not an article id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No article with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ArticleDetail get(@Parameter(description = "Article id: 32 lowercase hex characters", example = "5f0c6b8e2a9d4f1b8c3e7a6d9b2f4e10") @PathParam("id") String id) {
        if (!ID.matcher(id).matches()) {
            throw ProblemException.badRequest("Path segment 'id' must be an article id: 32 lowercase hexadecimal characters.");
        }
        return service.find(id).orElseThrow(() -> ProblemException.notFound("No article with id " + id + "."));
    }
}
