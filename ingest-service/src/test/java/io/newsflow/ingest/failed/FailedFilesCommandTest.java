package io.newsflow.ingest.failed;

import io.newsflow.ingest.support.RunningIngestTest;
import io.newsflow.ingest.support.WithAdminKey;
import io.newsflow.stack.FailedFilesCommand;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./newsflow failed} (embedded-stack's {@link FailedFilesCommand}) against the real service: it lives with
 * ingest's tests because only here does a running ingest-service exist to talk to.
 */
@QuarkusTest
@TestProfile(WithAdminKey.class)
class FailedFilesCommandTest extends RunningIngestTest {

    private record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FailedFilesCommand.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> env() {
        return Map.of("NEWSFLOW_INGEST_PORT", Integer.toString(RestAssured.port), "NEWSFLOW_ADMIN_API_KEY", WithAdminKey.KEY);
    }

    @Test
    void listsFailedFilesAsATableAndRequeuesOneByName() throws Exception {
        inbox.drop("cli/broken.json", "{\"body\": ");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.failed("cli/broken.json.error.json")));

        Run list = run(env(), "list", "--reason", "invalid-json");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().startsWith("NAME"), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("cli/broken.json") && l.contains("invalid-json") && l.contains("not valid JSON")),
                list.out());
        assertTrue(list.out().contains("by reason: ") && list.out().contains("invalid-json"), list.out());

        Files.writeString(inbox.failed("cli/broken.json"), "{\"body\":\"Requeued from the command line.\"}");
        Run requeue = run(env(), "requeue", "cli/broken.json");
        assertEquals(0, requeue.status(), requeue.err());
        assertEquals("requeued 1 file(s) into the inbox:\n  cli/broken.json\n", requeue.out());
        assertEquals("Requeued from the command line.", topic.awaitEvents(1).get(0).body());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("cli/broken.json")));

        Run none = run(env(), "list", "--reason", "no-such-reason");
        assertEquals(0, none.status(), none.err());
        assertTrue(none.out().startsWith("no failed files with reason no-such-reason"), none.out());
    }

    @Test
    void aDeploymentIsReachedThroughItsUrlAndRefusalsAreOneLine() {
        Map<String, String> noKey = Map.of("NEWSFLOW_INGEST_URL", "http://localhost:" + RestAssured.port + "/");
        Run refused = run(noKey, "list");
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("newsflow: This API needs the key configured as NEWSFLOW_ADMIN_API_KEY"), refused.err());
        assertEquals(1, refused.err().lines().count(), refused.err());

        Run byUrl = run(Map.of("NEWSFLOW_ADMIN_API_KEY", WithAdminKey.KEY), "--url", "http://localhost:" + RestAssured.port, "list");
        assertEquals(0, byUrl.status(), byUrl.err());

        Run badName = run(env(), "requeue", "../etc/passwd");
        assertEquals(1, badName.status());
        assertTrue(badName.err().startsWith("newsflow: '../etc/passwd' is not the name of a failed file"), badName.err());
    }

    @Test
    void ingestNotRunningIsSaidInOneLine() {
        Run down = run(Map.of("NEWSFLOW_INGEST_PORT", "1"), "list");
        assertEquals(1, down.status());
        assertEquals("newsflow: ingest-service does not answer at http://127.0.0.1:1/admin/failed "
                + "(is ./newsflow run running? NEWSFLOW_INGEST_PORT, NEWSFLOW_INGEST_URL or --url?)\n", down.err());
        assertFalse(down.err().contains("Exception"));
    }

    @Test
    void usageErrorsExitWith2() {
        for (String[] args : List.of(new String[]{"requeue"}, new String[]{"requeue", "--all", "x.txt"}, new String[]{"list", "--all"},
                new String[]{"--reason"}, new String[]{"requeue", "--bogus"})) {
            Run usage = run(env(), args);
            assertEquals(2, usage.status(), String.join(" ", args));
            assertTrue(usage.err().contains("usage: ./newsflow failed"), usage.err());
        }
    }
}
