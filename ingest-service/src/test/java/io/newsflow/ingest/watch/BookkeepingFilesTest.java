package io.newsflow.ingest.watch;

import io.newsflow.ingest.support.RunningIngestTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #14: {@code mv failed/* inbox/} must not turn error reports (or markers) into inputs. */
@QuarkusTest
class BookkeepingFilesTest extends RunningIngestTest {

    private static final String REPORT = """
            {"file":"moved/story.txt","reason":"invalid-json","stage":"parse","message":"x","size":3,"time":"2026-12-01T10:00:00Z"}""";

    @Test
    void reportsAndMarkersMovedIntoTheInboxAreNeitherIngestedNorCountedAndAFilesOwnReportGoesWithIt() throws Exception {
        int waitingBefore = given().get("/api/v1/inbox").then().statusCode(200).extract().path("filesWaiting");
        // What failed/ holds after a file failed, moved back as a whole, plus the numbered report older versions left.
        inbox.drop("moved/story.txt", "Source: Wire\n\nA story that failed once and was mended.");
        inbox.drop("moved/story.txt.error.json", REPORT);
        inbox.drop("moved/orphan.json.error.json", REPORT);
        inbox.drop("moved/orphan.json.error-1.json", REPORT);
        inbox.drop("moved/orphan.json.error-1.json.error.json", REPORT);
        inbox.drop("moved/other.txt.done", "");

        assertEquals("A story that failed once and was mended.", topic.awaitEvents(1).get(0).body());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("moved/story.txt")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.notExists(inbox.path("moved/story.txt.error.json")));
        assertTrue(topic.drain(Duration.ofSeconds(2)).isEmpty(), "no report or marker was published");

        for (String kept : new String[]{"orphan.json.error.json", "orphan.json.error-1.json", "orphan.json.error-1.json.error.json", "other.txt.done"}) {
            assertTrue(Files.exists(inbox.path("moved/" + kept)), kept + " is left alone in the inbox");
            assertFalse(Files.exists(inbox.failed("moved/" + kept)), kept + " was not taken as an input");
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                given().get("/api/v1/inbox").then().extract().<Integer>path("filesWaiting") == waitingBefore);
    }

    @Test
    void aMarkerBesideAFileFollowsItEvenOutsideMarkerMode() throws Exception {
        inbox.drop("marked/plain.txt.done", "");
        inbox.drop("marked/plain.txt", "Source: Wire\n\nA file whose producer writes markers anyway.");

        assertEquals("A file whose producer writes markers anyway.", topic.awaitEvents(1).get(0).body());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("marked/plain.txt.done")));
        assertFalse(Files.exists(inbox.path("marked/plain.txt.done")));
    }
}
