package io.newsflow.schema;

import io.newsflow.stack.DatabaseAccess;
import io.newsflow.stack.Ports;
import io.newsflow.stack.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrations apply from this module's classpath onto a real PostgreSQL, and the Java mirror of the
 * schema's rules ({@link Rollups}, {@link EventTime}) says what the migrated database does.
 */
class SchemaContractTest {

    @TempDir
    static Path dir;

    private static PostgresServer postgres;

    @BeforeAll
    static void migrate() {
        postgres = PostgresServer.start(dir.resolve("postgres"), Ports.free(), DatabaseAccess.local(), false);
        DatabaseAccess access = postgres.access();
        Flyway.configure().dataSource(postgres.jdbcUrl(), access.ownerUser(), access.ownerPassword())
                .locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theGrainsAreTheDatabases() throws SQLException {
        assertEquals(Rollups.GRAIN_SECONDS, longs("SELECT grain FROM rollup_grains() ORDER BY grain"));
        assertEquals(900L, Rollups.finestGrain());
    }

    @Test
    void eventTimeIsPublishedElseIngested() throws SQLException {
        Instant published = Instant.parse("2024-06-20T09:15:00Z");
        Instant ingested = Instant.parse("2024-06-21T10:00:00Z");
        insertArticle("event-time-published", published, ingested, "Wire");
        insertArticle("event-time-ingested", null, ingested, "Wire");

        assertEquals(EventTime.of(published, ingested), eventTime("event-time-published"));
        assertEquals(EventTime.of(null, ingested), eventTime("event-time-ingested"));
    }

    @Test
    void rollupDimensionsAndSourceKeysAreTheDatabases() throws SQLException {
        String longSource = "S".repeat(Rollups.SOURCE_KEY_CHARS + 100);
        insertArticle("dims", Instant.parse("2024-06-20T09:15:00Z"), Instant.now(), longSource);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO named_entity (id, type, name) VALUES ('person/kim-jong-un', 'PERSON', 'Kim Jong-un'),"
                    + " ('organization/un', 'ORGANIZATION', 'UN'), ('location/pyongyang', 'LOCATION', 'Pyongyang')");
            s.execute("INSERT INTO article_entity (article_id, entity_id, entity_type, event_time, mentions, mention_starts, mention_ends)"
                    + " SELECT 'dims', id, type, '2024-06-20T09:15:00Z', 1, '{0}', '{1}' FROM named_entity");
            s.execute("INSERT INTO article_theme (article_id, theme, event_time, score, phrase_starts, phrase_ends, taxonomy_version)"
                    + " VALUES ('dims', 'SANCTIONS', '2024-06-20T09:15:00Z', 1.0, '{0}', '{1}', 't')");
            s.execute("INSERT INTO article_receipt (event_id, article_id, outcome) VALUES ('e1', 'dims', 'STORED'), ('e2', 'dims', 'DUPLICATE')");
            s.execute("SELECT rollup_rebuild()");
        }
        Set<String> expected = new HashSet<>(List.of(Rollups.ARTICLE, Rollups.LANGUAGE, Rollups.SOURCE, Rollups.THEME));
        expected.addAll(Rollups.ENTITY_TYPES);
        assertEquals(expected, new HashSet<>(strings("SELECT DISTINCT dim FROM article_rollup_key WHERE article_id = 'dims'")));
        assertEquals(List.of((long) Rollups.SOURCE_KEY_CHARS), longs("SELECT length(key) FROM article_rollup_key WHERE article_id = 'dims' AND dim = 'source'"));
        List<String> totals = strings("SELECT dim FROM rollup_total WHERE key = '' ORDER BY dim");
        assertTrue(totals.containsAll(List.of(Rollups.ARTICLE, Rollups.DUPLICATE, Rollups.NEAR_DUPLICATE)), totals.toString());
        assertEquals(Rollups.GRAIN_SECONDS, longs("SELECT DISTINCT grain FROM rollup_bucket ORDER BY grain"));
    }

    private static void insertArticle(String id, Instant published, Instant ingested, String source) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("INSERT INTO article (id, title, body, source, published_at,"
                + " ingested_at, language, language_confidence) VALUES (?, 'Title', 'Body', ?, ?, ?, 'en', 1.0)")) {
            s.setString(1, id);
            s.setString(2, source);
            s.setTimestamp(3, published == null ? null : Timestamp.from(published));
            s.setTimestamp(4, Timestamp.from(ingested));
            s.executeUpdate();
        }
    }

    private static Instant eventTime(String id) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT event_time FROM article WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static List<Long> longs(String sql) throws SQLException {
        return strings(sql).stream().map(Long::valueOf).toList();
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.access().ownerUser(), postgres.access().ownerPassword());
    }
}
