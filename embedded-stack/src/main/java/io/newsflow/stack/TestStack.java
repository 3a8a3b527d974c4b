package io.newsflow.stack;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, on free ports and in a
 * temporary folder, removed when the JVM exits. {@code NEWSFLOW_TEST_STACK} picks the backend:
 * {@code auto} (default: Testcontainers when a Docker engine answers, else embedded),
 * {@code embedded} or {@code testcontainers}.
 */
public final class TestStack {

    /** The images match what the embedded stack runs and what deploy/ names. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String POSTGRES_IMAGE = "postgres:17.6";

    /** What the service tests were written against; the local pipeline's default is {@link PipelineConfig#DEFAULT_PARTITIONS}. */
    private static final int TEST_PARTITIONS = 3;
    static final String DIR_PREFIX = "newsflow-test-stack";
    static final String OWNER_FILE = "owner.pid";

    private static TestStack instance;
    private static RuntimeException startFailure;

    private final String kafkaBootstrapServers;
    private final String jdbcUrl;
    private final DatabaseAccess access;

    private TestStack(String kafkaBootstrapServers, String jdbcUrl, DatabaseAccess access) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.jdbcUrl = jdbcUrl;
        this.access = access;
    }

    public static synchronized TestStack get() {
        // A stack that failed to start fails every later test at once, instead of each waiting again.
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            try {
                instance = useTestcontainers() ? startContainers() : startEmbedded();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DatabaseAccess access() {
        return access;
    }

    private static boolean useTestcontainers() {
        String choice = System.getenv().getOrDefault("NEWSFLOW_TEST_STACK", "auto").toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> false;
            case "testcontainers" -> true;
            case "auto" -> dockerAnswers();
            default -> throw new StackException("NEWSFLOW_TEST_STACK must be auto, embedded or testcontainers, not " + choice);
        };
    }

    /** Whether a Docker engine answers here; also what tests that need one (compose) skip on. */
    public static boolean dockerAnswers() {
        // Asking Testcontainers where no engine can be logs a page of errors: look for one first.
        boolean configured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestStack startEmbedded() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        stopAbandoned(tmp, line -> System.out.println("[newsflow test stack] " + line));
        Path dir;
        try {
            dir = Files.createTempDirectory(tmp, DIR_PREFIX);
            Files.writeString(dir.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatabaseAccess access = DatabaseAccess.local();
        PostgresServer postgres = PostgresServer.start(dir.resolve("postgres"), Ports.free(), access, false);
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(dir.resolve("kafka"), Ports.free(), Ports.free(), TEST_PARTITIONS, Duration.ofSeconds(90), () -> false);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        Leftovers.record(dir, Leftovers.KAFKA, kafka.pid());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            deleteRecursively(dir);
        }, "newsflow-test-stack-stop"));
        return new TestStack(kafka.bootstrapServers(), postgres.jdbcUrl(), access);
    }

    /**
     * Stops the stacks of test JVMs that died without running their shutdown hook (killed by a
     * timeout, an IDE's stop button, kill -9): PostgreSQL is a daemon that outlives its JVM, and the
     * broker outlives it too when its OrphanGuard is absent (classes run unpackaged). A stack is
     * abandoned when the pid in its owner file runs no more; stacks of running test JVMs, such as a
     * parallel build's, are left alone, and so is a folder without an owner file (being created).
     */
    static void stopAbandoned(Path tmp, Consumer<String> say) {
        List<Path> stacks;
        try (Stream<Path> entries = Files.list(tmp)) {
            stacks = entries.filter(p -> p.getFileName().toString().startsWith(DIR_PREFIX) && Files.isDirectory(p)).toList();
        } catch (IOException e) {
            return;
        }
        for (Path stack : stacks) {
            if (ownerGone(stack.resolve(OWNER_FILE))) {
                Leftovers.cleanUp(stack, say);
                deleteRecursively(stack);
            }
        }
    }

    private static boolean ownerGone(Path ownerFile) {
        try {
            String pid = Files.readString(ownerFile).strip();
            return pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' own reaper when the JVM exits
    private static TestStack startContainers() {
        DatabaseAccess access = DatabaseAccess.local();
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withDatabaseName(access.database())
                .withUsername(access.ownerUser())
                .withPassword(access.ownerPassword());
        kafka.start();
        postgres.start();
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), access.ownerUser(), access.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + access.readerUser() + " LOGIN PASSWORD '" + access.readerPassword() + "'");
            s.execute("GRANT USAGE ON SCHEMA public TO " + access.readerUser());
            s.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO " + access.readerUser());
        } catch (SQLException e) {
            throw new StackException("could not create the reader role: " + e.getMessage(), e);
        }
        return new TestStack(kafka.getBootstrapServers(), postgres.getJdbcUrl(), access);
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp folder is not worth failing a finished test run for
        }
    }
}
