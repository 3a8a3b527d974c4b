package io.newsflow.enrich.reenrich;

import io.newsflow.enrich.Samples;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.events.ContentId;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.newsflow.enrich.reenrich.ReenrichApi.KEY;
import static io.newsflow.enrich.reenrich.ReenrichApi.authorized;
import static io.newsflow.enrich.TestDatabase.execute;
import static io.newsflow.enrich.reenrich.ReenrichApi.runToTheEnd;
import static io.newsflow.enrich.reenrich.ReenrichApi.store;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Articles stored through the real broker and database, then aged as a model, alias or taxonomy
 * change (or an older schema) would leave them; the admin endpoint's job must bring each back to
 * exactly what the running pipeline stores.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ReenrichResourceTest {

    private static final String STORY = "The regional water board approved a plan on Tuesday to rebuild the aging dam above the valley, "
            + "after engineers warned that heavy spring floods could overwhelm the spillway within three years. The plan pays for "
            + "new concrete gates, a second spillway channel and sensors that report the reservoir level every minute to the "
            + "district office. Farmers downstream welcomed the decision but asked the board to keep irrigation water flowing "
            + "during the two summers of construction, when the reservoir will be held at half its usual level.";

    @Test
    void staleArticlesAreBroughtToTheRunningVersionsAndASecondRunChangesNothing() throws Exception {
        String putinBody = Samples.body("000_c57e4281e488cd20.txt");
        String putin = store("Putin in Pyongyang", putinBody, Instant.parse("2023-09-14T08:00:00Z"));
        String peskovBody = "Dmitry Peskov said the Kremlin would not comment on the talks between Russia and the DPRK. " + UUID.randomUUID();
        String peskov = store("Peskov declines comment", peskovBody, null);
        String dam = store("Dam to be rebuilt", STORY + " " + UUID.randomUUID(), null);
        Map<String, List<String>> expected = Map.of(putin, snapshot(putin), peskov, snapshot(peskov));
        Instant damEnrichedAt = enrichedAt(dam);

        // As if the NER model and taxonomy had changed since: other versions, a missing entity, one the new aliases dropped.
        execute("UPDATE article_enrichment SET ner_model = 'english.all.3class@old', taxonomy_version = 'themes-0' WHERE article_id = '" + putin + "'");
        execute("DELETE FROM article_entity WHERE article_id = '" + putin + "' AND entity_id = 'person/kim-jong-un'");
        execute("INSERT INTO named_entity (id, type, name) VALUES ('person/kim-jong', 'PERSON', 'Kim Jong') ON CONFLICT DO NOTHING");
        execute("INSERT INTO article_entity (article_id, entity_id, entity_type, event_time, mentions, mention_starts, mention_ends)"
                + " VALUES ('" + putin + "', 'person/kim-jong', 'PERSON', now(), 1, '{0}', '{3}')");
        execute("UPDATE article_theme SET score = 0.5, taxonomy_version = 'themes-0' WHERE article_id = '" + putin + "'");
        // As if stored before V2/V3: no clean body, no entities, themes or versions.
        execute("UPDATE article SET clean_body = NULL WHERE id = '" + peskov + "'");
        execute("DELETE FROM article_entity WHERE article_id = '" + peskov + "'");
        execute("DELETE FROM article_theme WHERE article_id = '" + peskov + "'");
        execute("DELETE FROM article_enrichment WHERE article_id = '" + peskov + "'");
        // Stored before V2 and never fingerprinted: a padded copy of the dam story that nothing links to yet.
        String legacyBody = STORY + " The board meets again in May.";
        String legacy = ContentId.of("Dam plan approved", legacyBody);
        execute("INSERT INTO article (id, title, body, ingested_at, stored_at, language, language_confidence) VALUES ('" + legacy
                + "', 'Dam plan approved', '" + legacyBody + "', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 'und', 0)");
        assertNotEquals(expected.get(putin), snapshot(putin));
        // That state predates the rollups, whose migration counted whatever was stored then.
        execute("SELECT rollup_rebuild()");

        Map<String, Object> job = runToTheEnd("stale");
        assertEquals("SUCCEEDED", job.get("state"));
        assertEquals(0, ((Number) job.get("failed")).intValue());
        assertTrue(((Number) job.get("changed")).intValue() >= 3, job.toString());
        assertEquals(job.get("done"), job.get("total"), job.toString());

        assertEquals(expected.get(putin), snapshot(putin));
        assertEquals(expected.get(peskov), snapshot(peskov));
        assertEquals(damEnrichedAt, enrichedAt(dam), "an up-to-date article is not rewritten");
        assertEquals(List.of(), TestDatabase.rollupDifferences(), "re-enrichment moves the rollups with the annotations");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM article_entity WHERE entity_id = 'person/kim-jong' AND article_id = ?", putin));

        List<String> legacyRows = snapshot(legacy);
        assertTrue(legacyRows.contains("article|" + legacyBody + "|en"), legacyRows.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> versions = (Map<String, Object>) job.get("versions");
        assertTrue(legacyRows.contains("enrichment|" + versions.get("nerModel") + "|" + versions.get("aliasVersion") + "|" + versions.get("taxonomyVersion")),
                legacyRows + " " + versions);
        assertEquals(snapshot(dam).stream().filter(r -> r.startsWith("enrichment|")).toList(),
                legacyRows.stream().filter(r -> r.startsWith("enrichment|")).toList(), "the versions the consumer records");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM article_fingerprint WHERE article_id = ?", legacy));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM near_duplicate WHERE article_id = ? AND other_id = '" + dam + "'", legacy));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM near_duplicate WHERE other_id = ? AND article_id = '" + dam + "'", legacy));
        // One cluster of the two, the earlier (the legacy article, ingested in 2020) canonical.
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM duplicate_cluster_member m JOIN duplicate_cluster_member o"
                + " ON o.cluster_id = m.cluster_id JOIN duplicate_cluster c ON c.id = m.cluster_id"
                + " WHERE m.article_id = ? AND o.article_id = '" + dam + "' AND c.canonical_id = m.article_id AND c.size = 2", legacy));

        // Idempotent: everything is now what the running pipeline gives, so enriching all of it again writes nothing.
        Instant legacyEnrichedAt = enrichedAt(legacy);
        Map<String, Object> again = runToTheEnd("all");
        assertEquals("SUCCEEDED", again.get("state"));
        assertEquals(0, ((Number) again.get("changed")).intValue(), again.toString());
        assertEquals(0, ((Number) again.get("failed")).intValue(), again.toString());
        assertEquals(legacyEnrichedAt, enrichedAt(legacy));
        assertEquals(expected.get(putin), snapshot(putin));
    }

    @Test
    void oneJobRunsAtATime() throws Exception {
        store("Lock holder", "A short note that exists so that there is an article to lock. " + UUID.randomUUID(), null);
        // Holding the first article's row lock keeps the job waiting on it, i.e. running, for as long as this test needs.
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT id FROM article ORDER BY seq LIMIT 1 FOR UPDATE").close();
            }
            String running = authorized().post("/admin/reenrich?scope=all").then().statusCode(202)
                    .body("state", equalTo("RUNNING")).extract().path("id");
            problem(authorized().post("/admin/reenrich").then(), 409, "/admin/reenrich").body("detail", containsString(running));
            authorized().get("/admin/reenrich/" + running).then().statusCode(200).body("state", equalTo("RUNNING"));
            authorized().get("/admin/reenrich").then().statusCode(200).body("[0].id", equalTo(running));
            c.rollback();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                    !"RUNNING".equals(authorized().get("/admin/reenrich/" + running).then().extract().path("state")));
        }
        String next = authorized().post("/admin/reenrich?scope=stale").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                "SUCCEEDED".equals(authorized().get("/admin/reenrich/" + next).then().extract().path("state")));
    }

    @Test
    void refusalsAreProblems() {
        problem(given().post("/admin/reenrich").then(), 401, "/admin/reenrich").body("detail", containsString("NEWSFLOW_ADMIN_API_KEY"));
        problem(given().header("X-API-Key", KEY + "x").get("/admin/reenrich").then(), 401, "/admin/reenrich");
        // Checked before the parameters: a caller without the key learns nothing of them.
        problem(given().post("/admin/reenrich?scope=everything").then(), 401, "/admin/reenrich");
        problem(authorized().post("/admin/reenrich?scope=everything").then(), 400, "/admin/reenrich").body("detail", containsString("scope"));
        String unknown = "/admin/reenrich/" + UUID.randomUUID();
        problem(authorized().get(unknown).then(), 404, unknown);
        given().header("Authorization", "Bearer " + KEY).get("/admin/reenrich").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String path) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("instance", equalTo(path))
                .body(allOf(not(containsString("Exception")), not(containsString("java.")), not(containsString("\tat "))));
    }

    /** Everything enrichment derived from one article, one line per row, in a stable order. */
    private static List<String> snapshot(String id) throws SQLException {
        List<String> rows = new ArrayList<>();
        String sql = """
                SELECT 'article|' || coalesce(clean_body, '<null>') || '|' || language FROM article WHERE id = ?1
                UNION ALL SELECT 'enrichment|' || ner_model || '|' || alias_version || '|' || taxonomy_version FROM article_enrichment WHERE article_id = ?1
                UNION ALL SELECT 'entity|' || entity_id || '|' || entity_type || '|' || event_time || '|' || mentions || '|' || mention_starts::text
                    || '|' || mention_ends::text FROM article_entity WHERE article_id = ?1
                UNION ALL SELECT 'theme|' || theme || '|' || score || '|' || phrase_starts::text || '|' || phrase_ends::text || '|' || taxonomy_version
                    || '|' || event_time FROM article_theme WHERE article_id = ?1
                ORDER BY 1""".replace("?1", "?");
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
        }
        assertFalse(rows.isEmpty(), id);
        return rows;
    }

    private static Instant enrichedAt(String id) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement("SELECT enriched_at FROM article_enrichment WHERE article_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), id);
                Timestamp at = rs.getTimestamp(1);
                return at.toInstant();
            }
        }
    }
}
