package io.newsflow.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleEventCodecTest {

    @Test
    void contractSampleParses() throws IOException {
        ArticleRawV1 event = ArticleEventCodec.fromJson(contractSample());
        assertEquals(1, event.schemaVersion());
        assertEquals("Hong Kong 01", event.source());
        assertEquals(Instant.parse("2024-06-20T05:19:00Z"), event.publishedAt());
        assertEquals("file", event.provenance().channel());
        assertEquals(11896, event.provenance().size());
    }

    @Test
    void roundTripKeepsEveryFieldAndWritesIsoInstants() {
        ArticleRawV1 event = new ArticleRawV1(1, "e-1", "id-1", Instant.parse("2024-06-20T06:00:00Z"), "T", "B", "S", "A",
                Instant.parse("2024-06-20T05:19:00Z"), "https://x", "en",
                new ArticleRawV1.Provenance("file", "a.txt", "ff", 3, Instant.parse("2024-06-20T05:00:00Z"), 0));
        byte[] json = ArticleEventCodec.toJson(event);
        assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"publishedAt\":\"2024-06-20T05:19:00Z\""));
        assertEquals(event, ArticleEventCodec.fromJson(json));
    }

    @Test
    void nullFieldsAreLeftOutAndUnknownOnesIgnored() {
        ArticleRawV1 sparse = new ArticleRawV1(1, "e", "i", null, null, "body", null, null, null, null, null, null);
        String json = new String(ArticleEventCodec.toJson(sparse), StandardCharsets.UTF_8);
        assertFalse(json.contains("null"), json);
        String withExtra = json.replace("{", "{\"futureField\":42,");
        assertEquals(sparse, ArticleEventCodec.fromJson(withExtra.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unusableMessagesAreRejectedWithAReason() {
        assertEquals("empty message", reject(new byte[0]));
        assertTrue(reject("not json".getBytes(StandardCharsets.UTF_8)).startsWith("not an articles.raw.v1 JSON object"));
        assertEquals("missing body", reject("{\"schemaVersion\":1,\"eventId\":\"e\",\"body\":\" \"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("missing eventId", reject("{\"schemaVersion\":1,\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("unsupported schemaVersion 2", reject("{\"schemaVersion\":2,\"eventId\":\"e\",\"body\":\"b\"}".getBytes(StandardCharsets.UTF_8)));
    }

    private static String reject(byte[] json) {
        return assertThrows(InvalidEventException.class, () -> ArticleEventCodec.fromJson(json)).getMessage();
    }

    static byte[] contractSample() throws IOException {
        try (InputStream in = ArticleEventCodecTest.class.getResourceAsStream("/io/newsflow/events/article-raw-v1.json")) {
            return in.readAllBytes();
        }
    }
}
