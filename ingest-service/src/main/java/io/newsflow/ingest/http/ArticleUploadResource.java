package io.newsflow.ingest.http;

import io.newsflow.web.Problem;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ingest", description = "Articles sent over HTTP instead of dropped into the inbox")
public class ArticleUploadResource {

    static final String NDJSON = "application/x-ndjson";

    private final HttpIngestService ingest;

    public ArticleUploadResource(HttpIngestService ingest) {
        this.ingest = ingest;
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Operation(summary = "Ingest articles from the request body",
            description = "JSON (one article object or an array), NDJSON, plain text with optional header lines, or an HTML page. "
                    + "Answers once Kafka acknowledged every article.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "article",
            value = "{\"title\":\"Summit ends\",\"body\":\"The two leaders met on Wednesday.\",\"source\":\"Example Wire\","
                    + "\"author\":\"Ann Writer\",\"publishedAt\":\"2024-06-20T05:19:00Z\",\"url\":\"https://example.org/a\"}")))
    @APIResponse(responseCode = "202", description = "Published; the article ids (content hashes)",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "No article could be read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body over NEWSFLOW_INBOX_MAX_FILE_BYTES", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Unsupported content type", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; retry later", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> body(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type) {
        return ingest.ingest(List.of(new HttpIngestService.Upload(null, HttpIngestService.nameFor(type), body))).map(ArticleUploadResource::accepted);
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Ingest uploaded files", description = "One or more files in the form field 'file', each read as if dropped into the inbox.")
    @APIResponse(responseCode = "202", description = "Published; the article ids", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "A file could not be read, or no file was sent", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> upload(@RestForm("file") List<FileUpload> files) {
        List<HttpIngestService.Upload> uploads = files == null ? List.of() : files.stream().map(ArticleUploadResource::read).toList();
        return ingest.ingest(uploads).map(ArticleUploadResource::accepted);
    }

    private static HttpIngestService.Upload read(FileUpload file) {
        try {
            return new HttpIngestService.Upload(file.fileName(), HttpIngestService.nameFor(file.fileName(), file.contentType()),
                    Files.readAllBytes(file.uploadedFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response accepted(List<String> ids) {
        return Response.accepted(new Accepted(ids.size(), ids)).build();
    }

    /** @param ids the article ids, in the order of the articles sent */
    public record Accepted(int articles, List<String> ids) {
    }
}
