package io.newsflow.ingest.publish;

import io.newsflow.events.ArticleEventCodec;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.events.ContentId;
import io.newsflow.ingest.parse.ParsedArticle;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleEventsTest {

    private final ArticleEvents events = new ArticleEvents(Clock.fixed(Instant.parse("2024-06-20T06:00:00Z"), ZoneOffset.UTC));

    @Test
    void eventsCarryTheContentIdAFreshEventIdAndTheirPlaceInTheFile() {
        byte[] content = "whole file".getBytes(StandardCharsets.UTF_8);
        List<ArticleRawV1> built = events.fromRequest(List.of(article("One."), article("Two.")), "upload.ndjson", content);
        assertEquals(ContentId.of("T", "Two."), built.get(1).articleId());
        assertNotEquals(built.get(0).eventId(), built.get(1).eventId());
        assertEquals(1, built.get(1).provenance().index());
        assertEquals("http", built.get(0).provenance().channel());
        assertEquals(64, built.get(0).provenance().sha256().length());
        assertEquals(Instant.parse("2024-06-20T06:00:00Z"), built.get(0).ingestedAt());
    }

    @Test
    void anEventOverTheLimitIsFoundAndOneUnderItIsNot() {
        List<ArticleRawV1> small = events.fromRequest(List.of(article("Short body.")), null, new byte[1]);
        assertTrue(ArticleEvents.firstTooLarge(small, 1000).isEmpty());

        // Control characters are escaped as six bytes each: 20,000 of them are 120,000 bytes of JSON.
        List<ArticleRawV1> escaped = events.fromRequest(List.of(article("a"), article("\u0001".repeat(20_000))), null, new byte[1]);
        int size = ArticleEventCodec.toJson(escaped.get(1)).length;
        assertTrue(size > 120_000, "the escaped body really is large: " + size);
        assertEquals(1, ArticleEvents.firstTooLarge(escaped, 100_000).orElseThrow().provenance().index());
        assertTrue(ArticleEvents.firstTooLarge(escaped, size).isEmpty(), "exactly at the limit is allowed");
    }

    private static ParsedArticle article(String body) {
        return new ParsedArticle("T", body, null, null, null, null, null);
    }
}
