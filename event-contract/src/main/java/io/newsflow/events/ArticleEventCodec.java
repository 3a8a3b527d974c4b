package io.newsflow.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;

/** JSON form of {@link ArticleRawV1}: ISO-8601 instants, nulls left out, unknown fields tolerated. */
public final class ArticleEventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ArticleEventCodec() {
    }

    public static byte[] toJson(ArticleRawV1 event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ArticleRawV1 always serializes", e);
        }
    }

    /**
     * Parses and checks an event.
     *
     * @throws InvalidEventException when the bytes are not a usable v1 article: retrying cannot help
     */
    public static ArticleRawV1 fromJson(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("empty message");
        }
        ArticleRawV1 event;
        try {
            event = MAPPER.readValue(json, ArticleRawV1.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not an articles.raw.v1 JSON object: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("unreadable message: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new InvalidEventException("message is JSON null");
        }
        if (event.schemaVersion() != ArticleRawV1.SCHEMA_VERSION) {
            throw new InvalidEventException("unsupported schemaVersion " + event.schemaVersion());
        }
        if (event.eventId() == null || event.eventId().isBlank()) {
            throw new InvalidEventException("missing eventId");
        }
        if (event.body() == null || event.body().isBlank()) {
            throw new InvalidEventException("missing body");
        }
        return event;
    }
}
