package io.newsflow.query;

import io.newsflow.stack.StackTestResource;
import io.newsflow.stack.TestStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HexFormat;
import java.util.StringJoiner;

/**
 * Writes articles the way enrich-service does, as the schema owner, into the real PostgreSQL the
 * application under test reads through the read-only role. Every write recounts the rollups from
 * the base tables (as enrich's transactions keep them current) and so moves the data watermark.
 */
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false, initArgs = {
        @ResourceArg(name = "role", value = "reader"),
        @ResourceArg(name = "migrations", value = "classpath:db/migration")})
public final class StoredArticles {

    private StoredArticles() {
    }

    public record Fixture(String id, String title, String body, String source, String author, String url,
                          Instant publishedAt, Instant ingestedAt, String language, double languageConfidence) {

        public Fixture publishedAt(Instant instant) {
            return new Fixture(id, title, body, source, author, url, instant, ingestedAt, language, languageConfidence);
        }

        public Fixture language(String code) {
            return new Fixture(id, title, body, source, author, url, publishedAt, ingestedAt, code, languageConfidence);
        }

        public Fixture source(String name) {
            return new Fixture(id, title, body, name, author, url, publishedAt, ingestedAt, language, languageConfidence);
        }
    }

    /** An English article from "Wire" published an hour before it was ingested; its id is derived from the name. */
    public static Fixture article(String name, String title, String body, Instant ingestedAt) {
        return new Fixture(idOf(name), title, body, "Wire", "Reporter " + name, "https://news.example/" + name,
                ingestedAt.minusSeconds(3600), ingestedAt, "en", 0.97);
    }

    public static String idOf(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the fixtures in the given order, so the last one is the newest stored. */
    public static void store(Fixture... fixtures) {
        String sql = "INSERT INTO article (id, title, body, source, author, url, published_at, ingested_at, language,"
                + " language_confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (Fixture f : fixtures) {
                s.setString(1, f.id());
                s.setString(2, f.title());
                s.setString(3, f.body());
                s.setString(4, f.source());
                s.setString(5, f.author());
                s.setString(6, f.url());
                if (f.publishedAt() == null) {
                    s.setNull(7, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setTimestamp(7, Timestamp.from(f.publishedAt()));
                }
                s.setTimestamp(8, Timestamp.from(f.ingestedAt()));
                s.setString(9, f.language());
                s.setDouble(10, f.languageConfidence());
                s.executeUpdate();
            }
            recount(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records that an event for the article was consumed, with outcome STORED or DUPLICATE. */
    public static void receipt(String eventId, String articleId, String outcome) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO article_receipt (event_id, article_id, outcome) VALUES (?, ?, ?)")) {
            s.setString(1, eventId);
            s.setString(2, articleId);
            s.setString(3, outcome);
            s.executeUpdate();
            recount(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A canonical entity; its id is {@code <type>/<slug>} as enrich-service makes it. */
    public static void entity(String id, String type, String name) {
        update("INSERT INTO named_entity (id, type, name) VALUES (?, ?, ?)", id, type, name);
    }

    /** The article mentions the entity this many times; type and event time are copied as enrich does. */
    public static void mention(String articleId, String entityId, int mentions) {
        update("INSERT INTO article_entity (article_id, entity_id, entity_type, event_time, mentions, mention_starts,"
                + " mention_ends) SELECT a.id, e.id, e.type, a.event_time, ?, '{}', '{}' FROM article a, named_entity e"
                + " WHERE a.id = ? AND e.id = ?", mentions, articleId, entityId);
    }

    /**
     * The article mentions the entity at these {@code [start, end)} offsets into title + "\n" + clean body,
     * given as start, end, start, end, …
     */
    public static void mentionAt(String articleId, String entityId, int... startsAndEnds) {
        StringJoiner starts = new StringJoiner(",", "{", "}");
        StringJoiner ends = new StringJoiner(",", "{", "}");
        for (int i = 0; i < startsAndEnds.length; i += 2) {
            starts.add(Integer.toString(startsAndEnds[i]));
            ends.add(Integer.toString(startsAndEnds[i + 1]));
        }
        update("INSERT INTO article_entity (article_id, entity_id, entity_type, event_time, mentions, mention_starts,"
                + " mention_ends) SELECT a.id, e.id, e.type, a.event_time, ?, CAST(? AS integer[]), CAST(? AS integer[])"
                + " FROM article a, named_entity e WHERE a.id = ? AND e.id = ?",
                startsAndEnds.length / 2, starts.toString(), ends.toString(), articleId, entityId);
    }

    /** Sets the text enrich analysed, as the consumer stores it beside the body. */
    public static void cleanBody(String articleId, String cleanBody) {
        update("UPDATE article SET clean_body = ? WHERE id = ?", cleanBody, articleId);
    }

    public static void theme(String articleId, String theme, double score) {
        update("INSERT INTO article_theme (article_id, theme, event_time, score, phrase_starts, phrase_ends,"
                + " taxonomy_version) SELECT a.id, ?, a.event_time, ?, '{}', '{}', 'test' FROM article a WHERE a.id = ?",
                theme, score, articleId);
    }

    /** A verified near-duplicate pair, stored in both directions like enrich does. */
    public static void nearDuplicate(String articleId, String otherId, double similarity) {
        update("INSERT INTO near_duplicate (article_id, other_id, similarity) VALUES (?, ?, ?), (?, ?, ?)",
                articleId, otherId, similarity, otherId, articleId, similarity);
    }

    /**
     * A cluster whose canonical article is {@code canonicalId}; members join in the given order with
     * the given similarities, the canonical first. Returns the cluster id.
     */
    public static long cluster(String canonicalId, Instant updatedAt, Object... membersAndSimilarities) {
        try (Connection c = connect()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO duplicate_cluster (canonical_id, size, updated_at)"
                    + " VALUES (?, ?, ?) RETURNING id")) {
                s.setString(1, canonicalId);
                s.setInt(2, membersAndSimilarities.length / 2);
                s.setTimestamp(3, Timestamp.from(updatedAt));
                var rs = s.executeQuery();
                rs.next();
                id = rs.getLong(1);
            }
            for (int i = 0; i < membersAndSimilarities.length; i += 2) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO duplicate_cluster_member"
                        + " (article_id, cluster_id, similarity, joined_at) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, (String) membersAndSimilarities[i]);
                    s.setLong(2, id);
                    s.setDouble(3, (Double) membersAndSimilarities[i + 1]);
                    s.setTimestamp(4, Timestamp.from(updatedAt.minusSeconds(100 - i)));
                    s.executeUpdate();
                }
            }
            recount(c);
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(String sql, Object... values) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            if (s.executeUpdate() == 0) {
                throw new IllegalStateException("fixture matched no row: " + sql);
            }
            recount(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void clear() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM near_duplicate");
            s.execute("DELETE FROM duplicate_cluster_member");
            s.execute("DELETE FROM duplicate_cluster");
            s.execute("DELETE FROM article_entity");
            s.execute("DELETE FROM article_theme");
            s.execute("DELETE FROM named_entity");
            s.execute("DELETE FROM article_receipt");
            s.execute("DELETE FROM article");
            recount(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void recount(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT rollup_rebuild()");
        }
    }

    private static Connection connect() throws SQLException {
        TestStack stack = TestStack.get();
        return DriverManager.getConnection(stack.jdbcUrl(), stack.access().ownerUser(), stack.access().ownerPassword());
    }
}
