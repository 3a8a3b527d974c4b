package io.newsflow.ingest.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.parse.ArticleFileParser;
import io.newsflow.ingest.publish.ArticleIntake;
import io.newsflow.ingest.publish.ArticlePublisher;
import io.newsflow.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Articles sent over HTTP: parsed as the inbox would parse them, answered once Kafka acknowledged them. */
@ApplicationScoped
public class HttpIngestService {

    private static final Logger LOG = Logger.getLogger(HttpIngestService.class);
    private static final int MAX_NAME_LENGTH = 255;

    /**
     * @param name       the client's file name, cleaned, for provenance only (never a path on this machine)
     * @param parseAs    a name whose extension selects the parser
     */
    public record Upload(String name, String parseAs, byte[] content) {
    }

    private final ArticleIntake intake;
    private final ArticlePublisher publisher;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public HttpIngestService(ArticleIntake intake, ArticlePublisher publisher, IngestConfig config, MeterRegistry metrics) {
        this.intake = intake;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<List<String>> ingest(List<Upload> uploads) {
        if (uploads.isEmpty()) {
            throw new ProblemException(Status.BAD_REQUEST, "no-article", "Send the file(s) in the form field 'file'.");
        }
        List<ArticleRawV1> published = new ArrayList<>();
        for (Upload upload : uploads) {
            String name = safeName(upload.name());
            if (upload.content().length > config.inbox().maxFileBytes()) {
                throw new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, "oversize", describe(name) + " has " + upload.content().length
                        + " bytes; the limit is " + config.inbox().maxFileBytes() + ".");
            }
            try {
                published.addAll(intake.fromRequest(name, upload.parseAs(), upload.content()));
            } catch (ArticleIntake.Refused e) {
                throw new ProblemException(status(e.reason()), e.reason(), describe(name) + ": " + e.getMessage() + ".");
            }
        }
        List<String> ids = published.stream().map(ArticleRawV1::articleId).toList();
        return publisher.publishAll(published, config.inbox().publishTimeout())
                .onFailure().transform(e -> {
                    LOG.warnf("http upload of %d article(s) not acknowledged: %s", published.size(), e.toString());
                    return new ProblemException(Status.SERVICE_UNAVAILABLE, "kafka-unavailable",
                            "Kafka did not acknowledge the articles in time; nothing was lost on this side, send them again later.");
                })
                .invoke(() -> {
                    metrics.counter("newsflow.ingest.articles.published", "channel", "http").increment(published.size());
                    LOG.infof("http outcome=published articles=%d ids=%s", published.size(), ids);
                })
                .replaceWith(ids);
    }

    /** The parser a request body needs, from its content type. */
    static String nameFor(MediaType type) {
        if (type == null) {
            return "request.txt";
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return switch (subtype) {
            case "json" -> "request.json";
            case "x-ndjson", "ndjson", "jsonl" -> "request.ndjson";
            case "html", "xhtml+xml" -> "request.html";
            default -> type.getType().equalsIgnoreCase("text") ? "request.txt" : "request.bin";
        };
    }

    /** An upload is read by its extension, or by its content type when the name has none the parser knows. */
    static String nameFor(String fileName, String contentType) {
        String clean = safeName(fileName);
        if (clean != null && !ArticleFileParser.type(clean).equals("unknown")) {
            return clean;
        }
        try {
            return contentType == null ? (clean == null ? "upload" : clean) : nameFor(MediaType.valueOf(contentType));
        } catch (IllegalArgumentException e) {
            return clean == null ? "upload" : clean;
        }
    }

    /** Only the last segment, without control characters: a client's name can never point anywhere. */
    static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (last.isEmpty() || last.equals(".") || last.equals("..")) {
            return null;
        }
        return last.length() > MAX_NAME_LENGTH ? last.substring(last.length() - MAX_NAME_LENGTH) : last;
    }

    private static Status status(String reason) {
        return switch (reason) {
            case "unsupported-type" -> Status.UNSUPPORTED_MEDIA_TYPE;
            case "article-too-large" -> Status.REQUEST_ENTITY_TOO_LARGE;
            case "parser-error" -> Status.INTERNAL_SERVER_ERROR;
            default -> Status.BAD_REQUEST;
        };
    }

    private static String describe(String name) {
        return name == null ? "the request body" : "'" + name + "'";
    }
}
