package io.newsflow.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real single-node KRaft broker (combined broker + controller) in a child JVM, run from the
 * Kafka jars Maven resolved for this module. A child JVM keeps Scala and the broker's own
 * dependencies away from the application under test, and its log away from the test output.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "kafka.classpath";
    private static final String READY_LINE = "Kafka Server started";

    private final Process process;
    private final int port;
    private final Path log;

    private KafkaBroker(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Formats {@code dir} on first use (a later start keeps the topics and offsets it holds) and
     * starts the broker on 127.0.0.1.
     *
     * @param partitions the partitions of a topic created without a number (auto-created on first use)
     * @param abandon asked while waiting for the broker: true stops it and gives up (the launcher is stopping)
     */
    public static KafkaBroker start(Path dir, int port, int controllerPort, int partitions, Duration timeout, BooleanSupplier abandon) {
        try {
            Files.createDirectories(dir);
            Path properties = dir.resolve("server.properties");
            Files.writeString(properties, serverProperties(dir, port, controllerPort, partitions));
            Path logConfig = dir.resolve("log4j2.properties");
            Files.writeString(logConfig, logConfig(dir.resolve("kafka.log")));
            String classpath = classpath();
            List<String> jvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                    "-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath(), "-cp", classpath);
            Path out = dir.resolve("kafka.out");
            Path log = dir.resolve("kafka.log");
            // The ready line of the previous run must not count for this one.
            if (Files.exists(log)) {
                Files.move(log, dir.resolve("kafka.previous.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
                format(jvm, properties, dir, out);
            }
            Process process = JavaProcesses.start(concat(jvm, List.of("kafka.Kafka", properties.toString())), Map.of(), dir, out);
            KafkaBroker broker = new KafkaBroker(process, port, log);
            try {
                broker.awaitReady(timeout, out, abandon);
            } catch (RuntimeException | IOException e) {
                broker.close();
                throw e;
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Kafka flushes and closes its logs on SIGTERM; the grace period covers a controlled shutdown. */
    @Override
    public void close() {
        JavaProcesses.stop(process.toHandle(), 30);
    }

    private void awaitReady(Duration timeout, Path out, BooleanSupplier abandon) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (abandon.getAsBoolean()) {
                throw new StackException("Kafka's start-up abandoned: stopping");
            }
            if (!process.isAlive()) {
                throw new StackException("Kafka exited during start-up (code " + process.exitValue() + "); see " + out + " and " + log);
            }
            if (Ports.isOpen(port) && Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(READY_LINE)) {
                return;
            }
            sleep(200);
        }
        throw new StackException("Kafka did not start within " + timeout.toSeconds() + " s; see " + log);
    }

    private static void format(List<String> jvm, Path properties, Path dir, Path out) {
        List<String> args = concat(jvm, List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", clusterId(), "--config", properties.toString()));
        Process format = JavaProcesses.start(args, Map.of(), dir, out);
        try {
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                format.destroyForcibly();
                throw new StackException("formatting Kafka storage in " + dir + " failed; see " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * Kafka's cluster id format: 16 random bytes, URL-safe base64 without padding. One id in 64 would
     * start with '-', which the format tool reads as an option, so those are drawn again (as Kafka's own Uuid does).
     */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static String classpath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new StackException(CLASSPATH_RESOURCE + " missing: build embedded-stack with Maven first");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            List<String> entries = Arrays.asList(text.split(java.io.File.pathSeparator));
            for (String entry : entries) {
                if (!Files.exists(Path.of(entry))) {
                    throw new StackException("Kafka jar " + entry + " is gone from the local Maven repository: rebuild with ./mvnw package");
                }
            }
            return JavaProcesses.classpath(entries);
        }
    }

    private static String serverProperties(Path dir, int port, int controllerPort, int partitions) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs").toAbsolutePath(),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static String logConfig(Path file) {
        return String.join("\n",
                "status = warn",
                "appender.file.type = File",
                "appender.file.name = file",
                "appender.file.fileName = " + file.toAbsolutePath(),
                "appender.file.layout.type = PatternLayout",
                "appender.file.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = warn",
                "rootLogger.appenderRef.file.ref = file",
                "logger.raft.name = kafka.server.KafkaRaftServer",
                "logger.raft.level = info",
                "");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for Kafka", e);
        }
    }
}
