package io.newsflow.enrich;

import io.newsflow.stack.TestStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The test stack's PostgreSQL, read as the owner role, for assertions on what enrich stored. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        TestStack stack = TestStack.get();
        return DriverManager.getConnection(stack.jdbcUrl(), stack.access().ownerUser(), stack.access().ownerPassword());
    }

    /** The single integer a query with string parameters (none, one or more) answers, e.g. a count. */
    public static int count(String sql, String... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Where the rollups differ from a recount of the base tables, one line per differing row; empty
     * when the incremental maintenance kept them exact. Rows counting zero articles are as good as absent.
     */
    public static List<String> rollupDifferences() throws SQLException {
        String sql = """
                WITH expected_bucket AS (
                    SELECT k.dim, g.grain, to_timestamp(floor(extract(epoch FROM k.event_time) / g.grain) * g.grain) AS bucket,
                           k.key, count(*)::integer AS articles
                    FROM article_rollup_key k CROSS JOIN rollup_grains() AS g GROUP BY 1, 2, 3, 4),
                actual_bucket AS (SELECT dim, grain, bucket, key, articles FROM rollup_bucket WHERE articles > 0),
                expected_total AS (
                    SELECT dim, key, count(*) AS articles FROM article_rollup_key GROUP BY 1, 2
                    UNION ALL SELECT 'duplicate', '', count(*) FROM article_receipt WHERE outcome = 'DUPLICATE'
                    UNION ALL SELECT 'near_duplicate', '', (SELECT count(*) FROM duplicate_cluster_member) - (SELECT count(*) FROM duplicate_cluster)),
                actual_total AS (SELECT dim, key, articles FROM rollup_total WHERE articles > 0)
                (SELECT 'missing bucket ' || e.* FROM (SELECT * FROM expected_bucket EXCEPT SELECT * FROM actual_bucket) e)
                UNION ALL (SELECT 'extra bucket ' || a.* FROM (SELECT * FROM actual_bucket EXCEPT SELECT * FROM expected_bucket) a)
                UNION ALL (SELECT 'missing total ' || e.* FROM (SELECT * FROM expected_total WHERE articles > 0 EXCEPT SELECT * FROM actual_total) e)
                UNION ALL (SELECT 'extra total ' || a.* FROM (SELECT * FROM actual_total EXCEPT SELECT * FROM expected_total) a)
                """;
        List<String> differences = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                differences.add(rs.getString(1));
            }
        }
        return differences;
    }

    /** The data watermark's version (migration V4). */
    public static long watermark() throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT version FROM data_watermark");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first row's columns as text. */
    public static List<String> row(String sql, Object... args) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getString(i));
                }
                return columns;
            }
        }
    }

    /**
     * A bug in the store, played by the real database: inserting an article whose title starts with
     * {@code titlePrefix} fails with PostgreSQL's error {@code sqlState}, until {@link #fixBug} drops the trigger.
     */
    public static void refuseTitles(String trigger, String titlePrefix, String sqlState) throws SQLException {
        execute("""
                CREATE OR REPLACE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.title LIKE '%2$s%%' THEN
                    RAISE EXCEPTION 'test bug refuses article %%', NEW.id USING ERRCODE = '%3$s';
                  END IF;
                  RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS %1$s ON article;
                CREATE TRIGGER %1$s BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION %1$s();
                """.formatted(trigger, titlePrefix, sqlState));
    }

    public static void fixBug(String trigger) throws SQLException {
        execute("DROP TRIGGER IF EXISTS " + trigger + " ON article");
    }

    /** Runs statements as the owner: the tests' triggers, jobs and fixtures. */
    public static void execute(String sql) throws SQLException {
        try (Connection c = connect(); java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
