package io.newsflow.ingest.watch;

import io.newsflow.ingest.IngestConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.ingest.parse.ArticleFileParser;
import io.newsflow.ingest.parse.ParseException;
import io.newsflow.ingest.parse.ParsedArticle;
import io.newsflow.ingest.publish.ArticlePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One complete inbox file, start to end: read, parse, publish, and only after Kafka acknowledged
 * every article move it to processed/. A file that can never be ingested goes to failed/ with its
 * reason beside it; a file whose publication failed stays where it is, to be retried.
 */
@ApplicationScoped
public class FileIngestService {

    private static final Logger LOG = Logger.getLogger(FileIngestService.class);

    public enum Outcome { PROCESSED, FAILED, RETRY }

    private final InboxFolders folders;
    private final ArticleFileParser parser;
    private final ArticlePublisher publisher;
    private final IngestConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final ObjectMapper json;

    public FileIngestService(InboxFolders folders, ArticleFileParser parser, ArticlePublisher publisher, IngestConfig config,
                             Clock clock, MeterRegistry metrics, ObjectMapper json) {
        this.folders = folders;
        this.parser = parser;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.json = json;
    }

    public Outcome ingest(Path file) {
        String name = folders.inbox().relativize(file).toString();
        long started = System.nanoTime();
        BasicFileAttributes attributes;
        byte[] content;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.size() > config.inbox().maxFileBytes()) {
                return fail(file, name, "oversize", "read", "the file has " + attributes.size() + " bytes; the limit is "
                        + config.inbox().maxFileBytes() + " (NEWSFLOW_INBOX_MAX_FILE_BYTES)", attributes.size());
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.warnf("file=%s outcome=retry stage=read error=%s", name, e.toString());
            count("retry", "unreadable");
            return Outcome.RETRY;
        }

        List<ParsedArticle> articles;
        try {
            articles = parser.parse(name, content);
        } catch (ParseException e) {
            return fail(file, name, e.reason(), "parse", e.getMessage(), content.length);
        }

        List<ArticleRawV1> events = toEvents(articles, name, content, attributes);
        try {
            publisher.publishAll(events, config.inbox().publishTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("file=%s outcome=retry stage=publish articles=%d error=%s", name, events.size(), e.toString());
            count("retry", "publish");
            return Outcome.RETRY;
        }

        try {
            Path target = folders.moveToProcessed(file);
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("file=%s outcome=processed articles=%d ids=%s moved=%s ms=%d", name, events.size(),
                    events.stream().map(ArticleRawV1::articleId).toList(), target, millis);
            count("processed", "ok");
            metrics.counter("newsflow.ingest.articles.published").increment(events.size());
            return Outcome.PROCESSED;
        } catch (IOException e) {
            // Published but still in the inbox: the next attempt republishes, and the content id makes that harmless.
            LOG.errorf("file=%s outcome=retry stage=move error=%s", name, e.toString());
            count("retry", "move");
            return Outcome.RETRY;
        }
    }

    private List<ArticleRawV1> toEvents(List<ParsedArticle> articles, String name, byte[] content, BasicFileAttributes attributes) {
        String sha256 = sha256(content);
        Instant now = clock.instant();
        List<ArticleRawV1> events = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            ParsedArticle a = articles.get(i);
            events.add(new ArticleRawV1(ArticleRawV1.SCHEMA_VERSION, UUID.randomUUID().toString(), ContentId.of(a.title(), a.body()),
                    now, a.title(), a.body(), a.source(), a.author(), a.publishedAt(), a.url(), a.language(),
                    new ArticleRawV1.Provenance("file", name, sha256, content.length, attributes.lastModifiedTime().toInstant(), i)));
        }
        return events;
    }

    private Outcome fail(Path file, String name, String reason, String stage, String message, long size) {
        try {
            Path target = folders.moveToFailed(file);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("file", name);
            error.put("reason", reason);
            error.put("stage", stage);
            error.put("message", message);
            error.put("detectedType", ArticleFileParser.type(name));
            error.put("size", size);
            error.put("time", clock.instant().toString());
            Files.write(target.resolveSibling(target.getFileName() + ".error.json"), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(error));
            LOG.warnf("file=%s outcome=failed reason=%s stage=%s moved=%s message=\"%s\"", name, reason, stage, target, message);
            count("failed", reason);
            return Outcome.FAILED;
        } catch (IOException e) {
            LOG.errorf("file=%s outcome=retry stage=move-to-failed error=%s", name, e.toString());
            count("retry", "move");
            return Outcome.RETRY;
        }
    }

    private void count(String outcome, String reason) {
        metrics.counter("newsflow.ingest.files", "outcome", outcome, "reason", reason).increment();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
