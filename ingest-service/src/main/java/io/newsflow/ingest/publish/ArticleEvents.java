package io.newsflow.ingest.publish;

import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.ingest.parse.ParsedArticle;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Parsed articles as {@code articles.raw.v1} events: content id, a fresh event id, and where they came from. */
@ApplicationScoped
public class ArticleEvents {

    /** A char escaped as {@code \\uXXXX} takes six bytes of JSON; nothing takes more. */
    private static final int MAX_JSON_BYTES_PER_CHAR = 6;
    /** Field names, ids, provenance and the short fields, generously. */
    private static final int EVENT_OVERHEAD_BYTES = 16 * 1024;

    private final Clock clock;

    public ArticleEvents(Clock clock) {
        this.clock = clock;
    }

    public List<ArticleRawV1> fromFile(List<ParsedArticle> articles, String name, byte[] content, BasicFileAttributes attributes) {
        return build(articles, "file", name, content, attributes.lastModifiedTime().toInstant());
    }

    /** @param name the uploaded file's name, or null for a request body */
    public List<ArticleRawV1> fromRequest(List<ParsedArticle> articles, String name, byte[] content) {
        return build(articles, "http", name, content, null);
    }

    /**
     * The first event whose JSON exceeds {@code maxBytes}, which Kafka would refuse. Serializing
     * is skipped for the usual article, whose text cannot reach the limit even fully escaped.
     */
    public static Optional<ArticleRawV1> firstTooLarge(List<ArticleRawV1> events, long maxBytes) {
        for (ArticleRawV1 event : events) {
            long chars = event.body().length() + (event.title() == null ? 0 : event.title().length());
            if (chars * MAX_JSON_BYTES_PER_CHAR + EVENT_OVERHEAD_BYTES > maxBytes && ArticleEventCodec.toJson(event).length > maxBytes) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    private List<ArticleRawV1> build(List<ParsedArticle> articles, String channel, String name, byte[] content, Instant modified) {
        String sha256 = sha256(content);
        Instant now = clock.instant();
        List<ArticleRawV1> events = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            ParsedArticle a = articles.get(i);
            events.add(new ArticleRawV1(ArticleRawV1.SCHEMA_VERSION, UUID.randomUUID().toString(), ContentId.of(a.title(), a.body()),
                    now, a.title(), a.body(), a.source(), a.author(), a.publishedAt(), a.url(), a.language(),
                    new ArticleRawV1.Provenance(channel, name, sha256, content.length, modified, i)));
        }
        return events;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
