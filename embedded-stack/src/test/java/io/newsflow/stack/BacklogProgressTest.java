package io.newsflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BacklogProgressTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BacklogProgress progress = new BacklogProgress(8083, null, line -> { });

    @Test
    void quietWhileIdle() throws Exception {
        assertEquals(Optional.empty(), progress.next(stats(120, "\"pending\":0,\"filesWaiting\":0,\"articlesWaiting\":0,\"articlesPerSecond\":0.0,\"secondsLeft\":0")));
    }

    @Test
    void oneLineWhilePendingThenOneWhenCleared() throws Exception {
        assertEquals(Optional.of("backlog: 41,200 files waiting → 8,800 articles in Kafka → 52,310 stored, 812.5 articles/s, about 1 min 2 s left"),
                progress.next(stats(52310, "\"pending\":50000,\"filesWaiting\":41200,\"articlesWaiting\":8800,"
                        + "\"deadLettered\":0,\"articlesPerSecond\":812.5,\"secondsLeft\":62")));
        assertEquals(Optional.of("backlog cleared: 102,310 articles stored"),
                progress.next(stats(102310, "\"pending\":0,\"filesWaiting\":0,\"articlesWaiting\":0,\"secondsLeft\":0")));
        assertEquals(Optional.empty(), progress.next(stats(102310, "\"pending\":0")));
    }

    @Test
    void aPartThatDidNotAnswerIsAQuestionMarkAndDeadLettersAreNamed() throws Exception {
        assertEquals(Optional.of("backlog: ? files waiting → 12 articles in Kafka → 3 stored, time left unknown, 2 dead-lettered"),
                progress.next(stats(3, "\"pending\":12,\"filesWaiting\":null,\"articlesWaiting\":12,\"deadLettered\":2,"
                        + "\"articlesPerSecond\":null,\"secondsLeft\":null,\"inboxError\":\"ingest-service does not answer\"")));
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("45 s", BacklogProgress.duration(45));
        assertEquals("2 min 5 s", BacklogProgress.duration(125));
        assertEquals("3 h 20 min", BacklogProgress.duration(12_000));
    }

    private static JsonNode stats(long articles, String pipeline) throws Exception {
        return JSON.readTree("{\"articles\":" + articles + ",\"pipeline\":{" + pipeline + "}}");
    }
}
