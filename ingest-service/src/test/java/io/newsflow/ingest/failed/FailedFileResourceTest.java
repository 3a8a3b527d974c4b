package io.newsflow.ingest.failed;

import io.newsflow.ingest.support.RunningIngestTest;
import io.newsflow.ingest.support.WithAdminKey;
import io.newsflow.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /admin/failed} on the running service: files really fail, are mended in failed/, requeued and ingested. */
@QuarkusTest
@TestProfile(WithAdminKey.class)
class FailedFileResourceTest extends RunningIngestTest {

    @Inject
    FailedFileService service;

    private static RequestSpecification admin() {
        return given().header("X-API-Key", WithAdminKey.KEY);
    }

    @Test
    void withoutTheAdminKeyBothEndpointsAnswer401AndTheIngestApiStaysOpen() {
        given().get("/admin/failed").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("reason", equalTo("api-key")).body("detail", containsString("NEWSFLOW_ADMIN_API_KEY"));
        given().header("X-API-Key", "wrong").post("/admin/failed/requeue?all=true").then().statusCode(401);
        given().header("Authorization", "Bearer " + WithAdminKey.KEY).get("/admin/failed").then().statusCode(200);
        given().get("/api/v1/inbox").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/admin/failed")).body("paths", hasKey("/admin/failed/requeue"));
    }

    @Test
    void listsFailedFilesNewestFirstWithTheirReasonsAndFiltersByReason() throws Exception {
        String broken = "{\"title\": \"cut off";
        inbox.drop("list/broken.json", broken);
        inbox.drop("list/empty.txt", new byte[0]);
        awaitFailed("list/broken.json", "list/empty.txt");

        admin().get("/admin/failed").then().statusCode(200)
                .body("items.name", hasItems("list/broken.json", "list/empty.txt"))
                .body("items.name", not(hasItem("list/broken.json.error.json")))
                .body("reasons.invalid-json", greaterThanOrEqualTo(1))
                .body("reasons.empty", greaterThanOrEqualTo(1));
        admin().queryParam("reason", "invalid-json").get("/admin/failed").then().statusCode(200)
                .body("items.reason", not(hasItem("empty")))
                .body("items.find { it.name == 'list/broken.json' }.stage", equalTo("parse"))
                .body("items.find { it.name == 'list/broken.json' }.size", equalTo(broken.length()))
                .body("items.find { it.name == 'list/broken.json' }.message", not(equalTo("")))
                .body("items.find { it.name == 'list/broken.json' }.failedAt", not(equalTo(null)));
        List<String> times = admin().get("/admin/failed").then().extract().path("items.failedAt");
        List<Instant> failedAt = times.stream().map(Instant::parse).toList();
        assertEquals(failedAt.stream().sorted(Comparator.reverseOrder()).toList(), failedAt, "newest first");
        int total = admin().get("/admin/failed").then().extract().path("total");
        admin().queryParam("limit", 1).get("/admin/failed").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(total));
        admin().queryParam("limit", 0).get("/admin/failed").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        admin().queryParam("limit", 1001).get("/admin/failed").then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aListingReadsAgainOnlyTheReportsThatChangedSinceTheLastOne() throws Exception {
        inbox.drop("cache/broken.json", "{\"title\": \"cut off");
        awaitFailed("cache/broken.json");
        admin().queryParam("reason", "invalid-json").get("/admin/failed").then().statusCode(200)
                .body("items.name", hasItem("cache/broken.json"));

        // The same size and time, another reason: a listing that read every report again would see it.
        Path report = report("cache/broken.json");
        FileTime modified = Files.getLastModifiedTime(report);
        String original = Files.readString(report);
        Files.writeString(report, original.replace("\"invalid-json\"", "\"mended-by-op\""));
        Files.setLastModifiedTime(report, modified);
        admin().queryParam("reason", "invalid-json").get("/admin/failed").then().statusCode(200)
                .body("items.name", hasItem("cache/broken.json"));

        Files.setLastModifiedTime(report, FileTime.from(modified.toInstant().plusSeconds(2)));
        admin().queryParam("reason", "mended-by-op").get("/admin/failed").then().statusCode(200)
                .body("items.name", hasItem("cache/broken.json"));
        admin().queryParam("reason", "invalid-json").get("/admin/failed").then().statusCode(200)
                .body("items.name", not(hasItem("cache/broken.json")));

        Files.delete(inbox.failed("cache/broken.json"));
        Files.delete(report);
        admin().get("/admin/failed").then().statusCode(200).body("items.name", not(hasItem("cache/broken.json")));
    }

    @Test
    void requeueByNameMovesAMendedFileBackItIsIngestedAndItsReportIsGone() throws Exception {
        inbox.drop("byname/story.json", "{\"title\": \"Mended\", \"body\": ");
        awaitFailed("byname/story.json");
        Files.writeString(inbox.failed("byname/story.json"), "{\"title\":\"Mended\",\"body\":\"The story, mended in failed/.\"}");

        admin().queryParam("name", "byname/story.json").post("/admin/failed/requeue").then().statusCode(200)
                .body("requeued.name", equalTo(List.of("byname/story.json")))
                .body("requeued.inboxName", equalTo(List.of("byname/story.json")))
                .body("gone.size()", equalTo(0));
        assertFalse(Files.exists(report("byname/story.json")), "the report went, so the file is tried as new");

        assertEquals("The story, mended in failed/.", topic.awaitEvents(1).get(0).body());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("byname/story.json")));
        assertFalse(Files.exists(inbox.failed("byname/story.json")));
        admin().get("/admin/failed").then().body("items.name", not(hasItem("byname/story.json")));
    }

    @Test
    void requeueByReasonTakesOnlyThatReasonAndAFileThatFailsAgainReturnsWithANewReport() throws Exception {
        String big = "Source: Wire\n\n" + "A long paragraph. ".repeat(200);
        inbox.drop("byreason/long.txt", big);
        inbox.drop("byreason/still-too-long.txt", big);
        inbox.drop("byreason/empty.txt", new byte[0]);
        awaitFailed("byreason/long.txt", "byreason/still-too-long.txt", "byreason/empty.txt");
        Files.writeString(inbox.failed("byreason/long.txt"), "Source: Wire\n\nShortened to fit.");

        admin().queryParam("reason", "oversize").post("/admin/failed/requeue").then().statusCode(200)
                .body("requeued.name", hasItems("byreason/long.txt", "byreason/still-too-long.txt"))
                .body("requeued.name", not(hasItem("byreason/empty.txt")));

        assertEquals("Shortened to fit.", topic.awaitEvents(1).get(0).body());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("byreason/long.txt")));
        awaitFailed("byreason/still-too-long.txt");
        assertTrue(Files.exists(inbox.failed("byreason/empty.txt")), "another reason stays in failed/");
        assertFalse(Files.exists(inbox.failed("byreason/still-too-long-1.txt")), "a file failing again is not duplicated");
    }

    @Test
    void requeueAllMovesEveryFailedFileBack() throws Exception {
        inbox.drop("all/a.json", "[");
        inbox.drop("all/b.txt", new byte[0]);
        awaitFailed("all/a.json", "all/b.txt");
        Files.writeString(inbox.failed("all/a.json"), "{\"body\":\"First of all.\"}");
        Files.writeString(inbox.failed("all/b.txt"), "Second of all.");

        admin().queryParam("all", true).post("/admin/failed/requeue").then().statusCode(200)
                .body("requeued.name", hasItems("all/a.json", "all/b.txt"));

        Set<String> bodies = new HashSet<>();
        topic.awaitEvents(2).forEach(e -> bodies.add(e.body()));
        assertTrue(bodies.containsAll(Set.of("First of all.", "Second of all.")), bodies.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.processed("all/a.json")) && Files.exists(inbox.processed("all/b.txt")));
    }

    @Test
    void badSelectorsAndNamesAre400AndMoveNothing() throws Exception {
        inbox.drop("bad/kept.txt", new byte[0]);
        awaitFailed("bad/kept.txt");

        problem(admin().post("/admin/failed/requeue"), "exactly one of");
        problem(admin().queryParam("all", true).queryParam("reason", "empty").post("/admin/failed/requeue"), "exactly one of");
        problem(admin().queryParam("reason", "empty").queryParam("name", "bad/kept.txt").post("/admin/failed/requeue"), "exactly one of");
        for (String name : List.of("../inbox/x.txt", "bad/../bad/kept.txt", "/etc/passwd", "bad\\kept.txt", "bad//kept.txt", "./bad/kept.txt",
                "bad/kept.txt.error.json", ".claims/x")) {
            problem(admin().queryParam("name", name).post("/admin/failed/requeue"), "is not the name of a failed file");
        }
        problem(admin().queryParam("name", "bad/kept.txt").queryParam("name", "bad/never-failed.txt").post("/admin/failed/requeue"),
                "No failed file named 'bad/never-failed.txt'");
        assertTrue(Files.exists(inbox.failed("bad/kept.txt")), "a refused request moved nothing");
        assertTrue(Files.exists(report("bad/kept.txt")));
    }

    @Test
    void replicasRequeueingAtOnceMoveEachFileExactlyOnceAndReportTheRestAsGone() throws Exception {
        List<String> names = IntStream.range(0, 40).mapToObj(i -> "race/file-" + i + ".txt").toList();
        for (String name : names) {
            Path file = inbox.failed(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "Source: Wire\n\nRace article number " + name + ".");
            Files.writeString(report(name), "{\"file\":\"" + name + "\",\"reason\":\"publish-rejected\",\"stage\":\"publish\","
                    + "\"message\":\"m\",\"size\":1,\"time\":\"2026-12-01T10:00:00Z\"}");
        }
        // Two callers of the service stand in for two replicas sharing the data folder.
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        Callable<RequeueResult> requeue = () -> service.requeueByReason("publish-rejected");
        List<Future<RequeueResult>> results = replicas.invokeAll(List.of(requeue, requeue));
        replicas.shutdown();

        List<String> requeued = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Future<RequeueResult> result : results) {
            result.get().requeued().forEach(r -> requeued.add(r.name()));
            gone.addAll(result.get().gone());
        }
        assertEquals(Set.copyOf(names), Set.copyOf(requeued));
        assertEquals(names.size(), requeued.size(), "no file was requeued twice");
        assertTrue(Set.copyOf(names).containsAll(gone));
        topic.awaitEvents(names.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> names.stream().allMatch(n -> Files.exists(inbox.processed(n))));
        assertTrue(names.stream().noneMatch(n -> Files.exists(inbox.path(n))), "none left over in the inbox");
    }

    private void awaitFailed(String... names) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (String name : names) {
                if (!Files.exists(inbox.failed(name)) || !Files.exists(report(name))) {
                    return false;
                }
            }
            return true;
        });
    }

    private Path report(String name) {
        return inbox.failed(name + ".error.json");
    }

    private static void problem(Response response, String detail) {
        response.then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("detail", containsString(detail)).body("status", equalTo(400));
    }
}
