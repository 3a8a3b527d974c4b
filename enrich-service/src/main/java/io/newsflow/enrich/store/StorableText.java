package io.newsflow.enrich.store;

import io.newsflow.events.ArticleRawV1;
import io.newsflow.schema.Rollups;

/**
 * An event's text as PostgreSQL can keep it. Any producer may put a NUL character into JSON, and a
 * {@code text} column refuses it (22021): it becomes U+FFFD, one char for one, so every offset into the
 * text stays true. A source longer than the rollups' key ({@link Rollups#SOURCE_KEY_CHARS}) is cut there, so that filters,
 * rankings and the {@code (source, event_time)} index see one value.
 */
public final class StorableText {

    static final int SOURCE_LIMIT = Rollups.SOURCE_KEY_CHARS;

    private StorableText() {
    }

    /** The article id is taken from the event as it came; only what is stored changes. */
    public static ArticleRawV1 of(ArticleRawV1 e) {
        String source = text(e.source());
        if (source != null && source.length() > SOURCE_LIMIT) {
            // Never half a surrogate pair: the driver would send it as '?'.
            source = source.substring(0, Character.isHighSurrogate(source.charAt(SOURCE_LIMIT - 1)) ? SOURCE_LIMIT - 1 : SOURCE_LIMIT);
        }
        return new ArticleRawV1(e.schemaVersion(), e.eventId(), e.articleId(), e.ingestedAt(), text(e.title()), text(e.body()), source,
                text(e.author()), e.publishedAt(), text(e.url()), e.language(), e.provenance());
    }

    static String text(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
    }
}
