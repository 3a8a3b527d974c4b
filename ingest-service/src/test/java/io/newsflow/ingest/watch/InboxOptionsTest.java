package io.newsflow.ingest.watch;

import io.newsflow.events.ArticleRawV1;
import io.newsflow.ingest.support.RunningIngestTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's options: marker mode, include and exclude globs. */
@QuarkusTest
@TestProfile(InboxOptionsTest.MarkersAndGlobs.class)
class InboxOptionsTest extends RunningIngestTest {

    public static class MarkersAndGlobs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.inbox.marker-mode", "true",
                    "newsflow.inbox.include", "**.txt",
                    "newsflow.inbox.exclude", "drafts/**");
        }
    }

    @Test
    void aFileIsTakenOnlyOnceItsMarkerExistsAndTheMarkerFollowsIt() throws Exception {
        inbox.drop("marked/story.txt", "Finished story, announced by its marker.");
        assertTrue(topic.drain(Duration.ofSeconds(2)).isEmpty(), "no marker, no ingest");
        assertTrue(Files.exists(inbox.path("marked/story.txt")));

        inbox.drop("marked/story.txt.done", "");
        ArticleRawV1 event = topic.awaitEvents(1).get(0);
        assertEquals("Finished story, announced by its marker.", event.body());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("marked/story.txt.done")));
        assertTrue(Files.exists(inbox.processed("marked/story.txt")));
        assertTrue(Files.notExists(inbox.path("marked/story.txt.done")), "the marker left the inbox with its file");
    }

    @Test
    void filesOutsideTheIncludeGlobsOrInsideTheExcludeGlobsAreLeftAlone() throws Exception {
        inbox.drop("notes.md", "Markdown is not included by this operator.");
        inbox.drop("notes.md.done", "");
        inbox.drop("drafts/draft.txt", "A draft the operator excluded.");
        inbox.drop("drafts/draft.txt.done", "");
        inbox.drop("final.txt", "The one file this operator wants.");
        inbox.drop("final.txt.done", "");

        assertEquals("The one file this operator wants.", topic.awaitEvents(1).get(0).body());
        assertTrue(topic.drain(Duration.ofSeconds(2)).isEmpty());
        assertTrue(Files.exists(inbox.path("notes.md")));
        assertTrue(Files.exists(inbox.path("drafts/draft.txt")));
    }
}
