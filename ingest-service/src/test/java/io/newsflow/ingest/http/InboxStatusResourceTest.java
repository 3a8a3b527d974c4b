package io.newsflow.ingest.http;

import io.newsflow.ingest.support.RunningIngestTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class InboxStatusResourceTest extends RunningIngestTest {

    @Test
    void countsFilesNotTakenYetAndFailedFilesWithoutTheirReports() throws Exception {
        // The data root is shared by the JVM's tests: count from what earlier ones left.
        int waitingBefore = given().get("/api/v1/inbox").then().statusCode(200).extract().path("filesWaiting");
        int failedBefore = given().get("/api/v1/inbox").then().extract().path("filesFailed");
        Path failed = inbox.failed("status/broken.txt");
        Files.createDirectories(failed.getParent());
        Files.writeString(failed, "x");
        Files.writeString(failed.resolveSibling("broken.txt.error.json"), "{}");
        // Changed "in an hour": never older than the minimum age, so the scans keep it waiting.
        Path waiting = inbox.drop("status/later.txt", "Source: Wire\n\nAn article written later.");
        Files.setLastModifiedTime(waiting, FileTime.from(Instant.now().plus(Duration.ofHours(1))));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/inbox").then().statusCode(200)
                .body("filesWaiting", equalTo(waitingBefore + 1))
                .body("filesFailed", equalTo(failedBefore + 1)));

        Files.setLastModifiedTime(waiting, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        topic.awaitEvents(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/api/v1/inbox").then().statusCode(200)
                .body("filesWaiting", equalTo(waitingBefore))
                .body("filesInFlight", equalTo(0))
                .body("filesWaitingForRetry", equalTo(0)));
    }
}
