package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.TestDatabase;
import io.newsflow.enrich.pipeline.ArticleAnalyzer;
import io.newsflow.enrich.store.analysis.Versions;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.newsflow.enrich.TestDatabase.execute;
import static io.newsflow.enrich.reenrich.ReenrichApi.authorized;
import static io.newsflow.enrich.reenrich.ReenrichApi.endOf;
import static io.newsflow.enrich.reenrich.ReenrichApi.noJobRunning;
import static io.newsflow.enrich.reenrich.ReenrichApi.runToTheEnd;
import static io.newsflow.enrich.reenrich.ReenrichApi.store;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jobs as rows every replica shares. Other replicas are played by rows and updates written here the
 * way a replica writes them (an owner, a heartbeat): this service must answer for their jobs, leave a
 * live one alone, resume a silent one after its last article, and stop writing to a job it lost.
 * The test profile's heartbeat is 200 ms and its lease 2 s.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ReenrichJobTest {

    @Inject
    ReenrichJobService jobs;

    @Inject
    ArticleAnalyzer analyzer;

    @Test
    void anyReplicaAnswersForAJobAnotherReplicaRan() throws Exception {
        String id = UUID.randomUUID().toString();
        execute("INSERT INTO reenrich_job (id, scope, state, ner_model, alias_version, taxonomy_version, fingerprint_version, total, changed,"
                + " unchanged, failed, after_seq, owner, heartbeat_at, started_at, finished_at)"
                + " VALUES ('" + id + "', 'ALL', 'SUCCEEDED', 'm', 'a', 't', 1, 5, 3, 1, 1, 42, 'enrich-elsewhere', now(),"
                + " now() - interval '1 hour', now() - interval '59 minutes')");

        authorized().get("/admin/reenrich/" + id).then().statusCode(200)
                .body("scope", equalTo("all")).body("state", equalTo("SUCCEEDED"))
                .body("total", equalTo(5)).body("done", equalTo(5)).body("changed", equalTo(3)).body("unchanged", equalTo(1))
                .body("failed", equalTo(1)).body("replica", equalTo("enrich-elsewhere")).body("resumed", equalTo(0))
                .body("versions.nerModel", equalTo("m")).body("versions.fingerprintVersion", equalTo(1));
        authorized().get("/admin/reenrich").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void aJobWhoseReplicaStoppedIsResumedAfterItsLastArticle() throws Exception {
        noJobRunning();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(store("Resumable " + i, "The harbour authority extended the night shift at the container terminal for another week. "
                    + UUID.randomUUID(), null));
        }
        List<String> versions = row("SELECT ner_model, alias_version, taxonomy_version FROM article_enrichment WHERE article_id = ?", ids.get(0));
        execute("UPDATE article_enrichment SET ner_model = 'english.all.3class@old' WHERE article_id IN ('" + String.join("','", ids) + "')");
        long firstSeq = Long.parseLong(row("SELECT seq FROM article WHERE id = ?", ids.get(0)).get(0));
        // A replica crashed an hour ago after the first of the three, which it had changed.
        String job = insertRunning(versions, "enrich-crashed", "now() - interval '1 hour'", firstSeq, 1);

        Map<String, Object> end = endOf(job);
        assertEquals("SUCCEEDED", end.get("state"), end.toString());
        assertEquals(1, end.get("resumed"), end.toString());
        assertNotEquals("enrich-crashed", end.get("replica"));
        assertTrue(((Number) end.get("changed")).intValue() >= 3, end.toString());
        assertEquals(0, ((Number) end.get("failed")).intValue(), end.toString());
        assertEquals("english.all.3class@old", nerModel(ids.get(0)), "visited before the crash: not visited again");
        assertEquals(versions.get(0), nerModel(ids.get(1)));
        assertEquals(versions.get(0), nerModel(ids.get(2)));

        // Leave nothing stale behind for other tests.
        assertEquals("SUCCEEDED", runToTheEnd("stale").get("state"));
        assertEquals(versions.get(0), nerModel(ids.get(0)));
    }

    @Test
    void aLiveReplicasJobIsLeftToItAndTakenOverOnceItFallsSilent() throws Exception {
        noJobRunning();
        String job = insertRunning(currentVersions(), "enrich-alive", "now()", maxSeq(), 0);
        authorized().post("/admin/reenrich").then().statusCode(409).body("detail", containsString(job));

        // The other replica keeps its heartbeat for more than two leases: its job stays its own.
        long until = System.nanoTime() + Duration.ofMillis(4500).toNanos();
        while (System.nanoTime() < until) {
            execute("UPDATE reenrich_job SET heartbeat_at = now() WHERE id = '" + job + "'");
            Thread.sleep(300);
        }
        assertEquals(List.of("RUNNING", "enrich-alive", "0"), row("SELECT state, owner, resumed FROM reenrich_job WHERE id = ?", job));

        // Then it falls silent.
        succeedsAfterResumes(job, 1);
    }

    @Test
    void ofTwoReplicasClaimingOneJobAtOnceExactlyOneGetsIt() throws Exception {
        noJobRunning();
        List<String> current = currentVersions();
        Versions versions = new Versions(current.get(0), current.get(1), current.get(2), analyzer.versions().fingerprintVersion());
        // Silent for 1 s: past the 500 ms lease the two claimants use, not yet past this replica's 2 s.
        String job = insertRunning(current, "enrich-gone", "now() - interval '1 second'", maxSeq(), 0);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Optional<ReenrichJob>> claims = new ArrayList<>();
        try {
            List<Future<Optional<ReenrichJob>>> futures = new ArrayList<>();
            for (String replica : List.of("enrich-a", "enrich-b")) {
                futures.add(replicas.submit(() -> {
                    together.await();
                    return jobs.claim(versions, replica, Duration.ofMillis(500));
                }));
            }
            for (Future<Optional<ReenrichJob>> future : futures) {
                claims.add(future.get());
            }
        } finally {
            replicas.shutdownNow();
        }
        List<String> winners = claims.stream().flatMap(Optional::stream).map(claimed -> claimed.owner).toList();
        assertEquals(1, winners.size(), claims.toString());
        assertEquals(List.of(winners.get(0), "1"), row("SELECT owner, resumed FROM reenrich_job WHERE id = ?", job));

        // The winner never heartbeats: this replica takes the job over once the lease ran out, and finishes it.
        succeedsAfterResumes(job, 2);
    }

    @Test
    void aReplicaThatLostItsJobWritesNothingMoreToIt() throws Exception {
        noJobRunning();
        String article = store("Held article", "The ferry company cancelled the evening crossings because of strong winds. " + UUID.randomUUID(), null);
        List<String> versions = row("SELECT ner_model, alias_version, taxonomy_version FROM article_enrichment WHERE article_id = ?", article);
        execute("UPDATE article_enrichment SET ner_model = 'english.all.3class@old' WHERE article_id = '" + article + "'");
        String job;
        try (Connection held = TestDatabase.connect()) {
            held.setAutoCommit(false);
            try (Statement s = held.createStatement()) {
                s.executeQuery("SELECT id FROM article WHERE id = '" + article + "' FOR UPDATE").close();
            }
            job = authorized().post("/admin/reenrich?scope=stale").then().statusCode(202).extract().path("id");
            // The job waits for the article's row lock; meanwhile another replica takes the job over.
            await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count("SELECT count(*) FROM pg_locks WHERE NOT granted") > 0);
            execute("UPDATE reenrich_job SET owner = 'enrich-thief', heartbeat_at = now() WHERE id = '" + job + "'");
            held.rollback();
        }
        List<String> progress = row("SELECT after_seq, changed, unchanged, failed FROM reenrich_job WHERE id = ?", job);
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < until) {
            execute("UPDATE reenrich_job SET heartbeat_at = now() WHERE id = '" + job + "'");
            Thread.sleep(300);
        }
        assertEquals(progress, row("SELECT after_seq, changed, unchanged, failed FROM reenrich_job WHERE id = ?", job));
        assertEquals("enrich-thief", row("SELECT owner FROM reenrich_job WHERE id = ?", job).get(0));
        assertEquals("english.all.3class@old", nerModel(article), "the article's transaction rolled back with the lost job");

        // The thief gives up; a new job brings the article up to date.
        execute("UPDATE reenrich_job SET state = 'FAILED', finished_at = now() WHERE id = '" + job + "'");
        assertEquals("SUCCEEDED", runToTheEnd("stale").get("state"));
        assertEquals(versions.get(0), nerModel(article));
    }

    /** A RUNNING job as another replica would have written it; returns its id. */
    private String insertRunning(List<String> versions, String owner, String heartbeatSql, long afterSeq, long changed) throws SQLException {
        String id = UUID.randomUUID().toString();
        execute("INSERT INTO reenrich_job (id, scope, state, ner_model, alias_version, taxonomy_version, fingerprint_version, total, changed,"
                + " after_seq, owner, heartbeat_at) VALUES ('" + id + "', 'STALE', 'RUNNING', '" + versions.get(0) + "', '" + versions.get(1)
                + "', '" + versions.get(2) + "', " + analyzer.versions().fingerprintVersion() + ", 3, " + changed + ", " + afterSeq + ", '" + owner + "', "
                + heartbeatSql + ")");
        return id;
    }

    /** The versions this replica enriches with, as the consumer recorded them on the newest article. */
    private static List<String> currentVersions() throws Exception {
        String id = store("Versions", "A note stored to read the running enrichment versions back. " + UUID.randomUUID(), null);
        return row("SELECT ner_model, alias_version, taxonomy_version FROM article_enrichment WHERE article_id = ?", id);
    }

    /** Waits for the job's end: SUCCEEDED, after {@code resumes} take-overs. */
    private static void succeedsAfterResumes(String job, int resumes) {
        Map<String, Object> end = endOf(job);
        assertEquals("SUCCEEDED", end.get("state"), end.toString());
        assertEquals(resumes, end.get("resumed"), end.toString());
    }

    private static long maxSeq() throws SQLException {
        return Long.parseLong(row("SELECT max(seq) FROM article").get(0));
    }

    private static String nerModel(String articleId) throws SQLException {
        return row("SELECT ner_model FROM article_enrichment WHERE article_id = ?", articleId).get(0);
    }

    private static List<String> row(String sql, String... args) throws SQLException {
        return TestDatabase.row(sql, (Object[]) args);
    }
}
