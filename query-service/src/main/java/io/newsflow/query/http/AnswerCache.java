package io.newsflow.query.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recent answers by ETag. The tag names the data watermark and the whole question, so an answer
 * stays right for as long as its tag is current: fifty dashboards polling the same panels cost one
 * query per panel per data change, not one per poll. Least recently used answers go first.
 */
@ApplicationScoped
public class AnswerCache {

    /** A cached answer: the entity with its generic type (for the writers) and the media type it was sent as. */
    public record Answer(GenericEntity<?> entity, MediaType mediaType) {
    }

    private static final int CAPACITY = 256;

    private final Map<String, Answer> answers = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized Answer get(String tag) {
        return answers.get(tag);
    }

    public synchronized void put(String tag, Answer answer) {
        answers.put(tag, answer);
    }
}
