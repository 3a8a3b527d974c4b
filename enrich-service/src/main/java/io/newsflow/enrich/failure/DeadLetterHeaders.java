package io.newsflow.enrich.failure;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * newsflow's headers on a dead-lettered record: what failed, where (a stable fingerprint to group by and
 * replay by), when, and the event id (to tell whether a replay has since stored it).
 */
public final class DeadLetterHeaders {

    public static final String FINGERPRINT = "newsflow-failure-fingerprint";
    public static final String EXCEPTION = "newsflow-failure-exception";
    public static final String MESSAGE = "newsflow-failure-message";
    public static final String KIND = "newsflow-failure-kind";
    public static final String FAILED_AT = "newsflow-failed-at";
    public static final String EVENT_ID = "newsflow-event-id";

    /** Kafka headers are small by convention: a long message is cut. */
    private static final int MESSAGE_LIMIT = 1000;

    private DeadLetterHeaders() {
    }

    public static Headers of(Failure failure, String eventId) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, FINGERPRINT, failure.fingerprint());
        add(headers, EXCEPTION, failure.exceptionClass());
        String message = failure.message();
        add(headers, MESSAGE, message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "…" : message);
        add(headers, KIND, failure.kind().name());
        add(headers, FAILED_AT, Instant.now().toString());
        if (eventId != null) {
            add(headers, EVENT_ID, eventId);
        }
        return headers;
    }

    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
