package io.newsflow.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from zonky's platform binaries (which, unlike the system {@code initdb},
 * also run as root), listening on 127.0.0.1, with the newsflow database and its two roles.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final DatabaseAccess access;
    /** zonky starts the server through pg_ctl as a daemon, so the postmaster is no child of ours to watch. */
    private final ProcessHandle postmaster;

    private PostgresServer(EmbeddedPostgres postgres, DatabaseAccess access, ProcessHandle postmaster) {
        this.postgres = postgres;
        this.access = access;
        this.postmaster = postmaster;
    }

    /**
     * Initializes {@code dataDir} on first use; a later start reuses it with everything stored.
     *
     * @param durable fsync and synchronous commit on, as data that must survive a crash needs;
     *                off (zonky's test defaults) for throw-away test databases
     */
    public static PostgresServer start(Path dataDir, int port, DatabaseAccess access, boolean durable) {
        requireSameMajor(dataDir, binariesMajor());
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (durable) {
                // Given after zonky's own -F on the command line, these win over it.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                ProcessHandle postmaster = postmaster(dataDir).orElseThrow(() -> new StackException("PostgreSQL started in " + dataDir + " but left no postmaster.pid"));
            PostgresServer server = new PostgresServer(postgres, access, postmaster);
                server.createDatabaseAndRoles();
                return server;
            } catch (RuntimeException e) {
                postgres.close();
                throw e;
            }
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + access.database();
    }

    public DatabaseAccess access() {
        return access;
    }

    /** The postmaster process is there and accepts connections: a zombie or a hung one does neither. */
    public boolean isAlive() {
        return postmaster.isAlive() && Ports.isOpen(postgres.getPort());
    }

    /**
     * kill -9 of the postmaster and its backends, as a crash of the server would leave it; back once
     * they are gone, so that a new server may start on the same data (PostgreSQL refuses while old
     * backends still hold its shared memory).
     */
    public void kill() {
        List<ProcessHandle> backends = postmaster.descendants().toList();
        JavaProcesses.kill(postmaster);
        backends.forEach(JavaProcesses::kill);
    }

    /**
     * PostgreSQL cannot open a data folder written by another major release, and says so only in
     * its own log, after zonky's start has timed out. A newsflow release that moves to a new major
     * would otherwise fail with a start timeout instead of the upgrade it needs.
     */
    static void requireSameMajor(Path dataDir, String binariesMajor) {
        Path versionFile = dataDir.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            return;
        }
        String dataMajor;
        try {
            dataMajor = Files.readString(versionFile).strip();
        } catch (IOException e) {
            throw new StackException("cannot read " + versionFile + ": " + e.getMessage(), e);
        }
        if (!dataMajor.equals(binariesMajor)) {
            throw new StackException(dataDir + " holds a PostgreSQL " + dataMajor + " database, and this newsflow runs PostgreSQL "
                    + binariesMajor + ", which cannot open it. Nothing was changed; to upgrade it, see docs/operations.md,"
                    + " \"Upgrading the embedded PostgreSQL\".");
        }
    }

    /** The major of the bundled binaries, e.g. {@code 17} for 17.6.0 (PostgreSQL ≥ 10 numbers majors with one part). */
    static String binariesMajor() {
        Properties properties = new Properties();
        try (InputStream in = PostgresServer.class.getResourceAsStream("postgres.properties")) {
            if (in == null) {
                throw new StackException("postgres.properties is missing from the embedded-stack jar: rebuild it (./newsflow build)");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read postgres.properties: " + e.getMessage(), e);
        }
        return properties.getProperty("version").split("\\.")[0];
    }

    /** The first line of {@code postmaster.pid}, the running server's own record of its process. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"))) {
            return lines.findFirst().map(String::strip).filter(pid -> pid.matches("\\d+")).flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Idempotent, so it runs on every start: the owner role runs enrich's migrations; the reader
     * role, for query-service, can only ever SELECT what the owner creates.
     */
    private void createDatabaseAndRoles() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ensureRole(s, access.ownerUser(), access.ownerPassword());
            ensureRole(s, access.readerUser(), access.readerPassword());
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + access.database() + "'")) {
                if (!rs.next()) {
                    createDatabase(s);
                }
            }
        } catch (SQLException e) {
            throw new StackException("could not prepare the " + access.database() + " database: " + e.getMessage(), e);
        }
        try (Connection c = postgres.getDatabase("postgres", access.database()).getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SCHEMA public OWNER TO " + access.ownerUser());
            s.execute("GRANT CONNECT ON DATABASE " + access.database() + " TO " + access.readerUser());
            s.execute("GRANT USAGE ON SCHEMA public TO " + access.readerUser());
            s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + access.readerUser());
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + access.ownerUser() + " IN SCHEMA public GRANT SELECT ON TABLES TO " + access.readerUser());
        } catch (SQLException e) {
            throw new StackException("could not grant the reader role: " + e.getMessage(), e);
        }
    }

    /**
     * Full-text search lower-cases words through the C library's character type of the database: in
     * the plain C locale of zonky's cluster, "Путин" and "путин" would stay two words. C.UTF-8 gives
     * every script its lower case, and keeps byte order for sorting (collation stays C). A C library
     * without C.UTF-8 (older macOS) gets the cluster's default, and search is then case-sensitive
     * outside ASCII.
     */
    private void createDatabase(Statement s) throws SQLException {
        String create = "CREATE DATABASE " + access.database() + " OWNER " + access.ownerUser() + " ENCODING 'UTF8' TEMPLATE template0";
        try {
            s.execute(create + " LC_CTYPE 'C.UTF-8'");
        } catch (SQLException noSuchLocale) {
            s.execute(create);
        }
    }

    private static void ensureRole(Statement s, String user, String password) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + user + "'")) {
            String verb = rs.next() ? "ALTER" : "CREATE";
            s.execute(verb + " ROLE " + user + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
