package io.newsflow.query.freshness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recent answers, by ETag and by question. The tag names the data watermark and the whole question,
 * so an answer stays right for as long as its tag is current: fifty dashboards polling the same
 * panels cost one query per panel per data change, not one per poll. The latest answer to each
 * question outlives its tag for as long as the operator allows answers to be stale
 * ({@link AnswerRefresher}). Least recently used answers go first.
 */
@ApplicationScoped
public class AnswerCache {

    /**
     * A cached answer: its tag, the entity with its generic type (for the writers), the media type it
     * was sent as, and when its computation started ({@link System#nanoTime()}).
     */
    public record Answer(String tag, GenericEntity<?> entity, MediaType mediaType, long startedAt) {
    }

    private static final int CAPACITY = 256;

    private final Map<String, Answer> byTag = lru();
    private final Map<String, Answer> byQuestion = lru();

    public synchronized Answer get(String tag) {
        return byTag.get(tag);
    }

    /** The latest answer to the question if its computation started at most {@code maxAgeNanos} ago, else null. */
    public synchronized Answer latest(String question, long maxAgeNanos) {
        Answer answer = byQuestion.get(question);
        return answer != null && System.nanoTime() - answer.startedAt() <= maxAgeNanos ? answer : null;
    }

    public synchronized void put(String question, Answer answer) {
        byTag.put(answer.tag(), answer);
        Answer previous = byQuestion.get(question);
        // Two computations of one question can finish out of order: the one started last holds the newest data.
        if (previous == null || answer.startedAt() - previous.startedAt() >= 0) {
            byQuestion.put(question, answer);
        }
    }

    private static Map<String, Answer> lru() {
        return new LinkedHashMap<>(CAPACITY, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
                return size() > CAPACITY;
            }
        };
    }
}
