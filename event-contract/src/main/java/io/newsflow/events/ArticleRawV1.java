package io.newsflow.events;

import java.time.Instant;

/**
 * One raw article as ingest publishes it to {@code articles.raw.v1} (key = {@link #articleId}).
 *
 * <p>Fields are additive within v1: consumers ignore what they do not know, so a producer may add
 * an optional field without a new topic; removing or re-typing one needs {@code articles.raw.v2}.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param eventId       unique per publication; a redelivery carries the same id, a re-drop a new one
 * @param articleId     {@link ContentId} of title and body
 * @param ingestedAt    when ingest read the article
 * @param language      optional ISO 639-1 hint from the producer; enrich detects its own
 */
public record ArticleRawV1(
        int schemaVersion,
        String eventId,
        String articleId,
        Instant ingestedAt,
        String title,
        String body,
        String source,
        String author,
        Instant publishedAt,
        String url,
        String language,
        Provenance provenance) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * Where the article came from, so an operator can trace any stored article to its file.
     *
     * @param channel    {@code file} or {@code http}
     * @param fileName   path relative to the inbox (or the upload's name)
     * @param sha256     of the whole file's bytes
     * @param index      position of the article inside a file that holds several
     */
    public record Provenance(String channel, String fileName, String sha256, long size, Instant modifiedAt, int index) {
    }
}
