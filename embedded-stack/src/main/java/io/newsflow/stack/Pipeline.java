package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The whole local pipeline: PostgreSQL, Kafka and the three services as child processes, started
 * in dependency order and stopped in reverse. Used by {@code ./newsflow run} and by the end-to-end tests.
 */
public final class Pipeline implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PipelineConfig config;
    private final Consumer<String> say;
    private final AtomicBoolean closed = new AtomicBoolean();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private final Map<String, Process> services = new LinkedHashMap<>();

    private Pipeline(PipelineConfig config, Consumer<String> say) {
        this.config = config;
        this.say = say;
    }

    public static Pipeline start(PipelineConfig config, Consumer<String> say) {
        Pipeline pipeline = new Pipeline(config, say);
        try {
            pipeline.startAll();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public PipelineConfig config() {
        return config;
    }

    public Path inbox() {
        return config.dataDir().resolve("inbox");
    }

    /** The first service that died on its own, if any: the launcher stops everything then. */
    public Optional<String> deadService() {
        if (closed.get()) {
            return Optional.empty();
        }
        return services.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(Map.Entry::getKey).findFirst()
                .or(() -> kafka != null && !kafka.isAlive() ? Optional.of("kafka") : Optional.empty());
    }

    /** Failure drill: stops the broker as a crash or maintenance would, keeping its data. */
    public void stopKafka() {
        kafka.close();
    }

    /** Brings the broker back on the same ports and data after {@link #stopKafka()}. */
    public void startKafka() {
        kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort(), Duration.ofSeconds(120));
    }

    /** One more ingest replica on the same data folder, as operators run several side by side. */
    public void startIngestReplica(String name, int port) {
        ServiceSpec replica = ServiceSpec.all(config).get(0).replica(name, port);
        launch(replica);
        awaitReady(replica);
    }

    public Path logFile(String service) {
        return config.dataDir().resolve("logs").resolve(service + ".log");
    }

    private void startAll() {
        List<ServiceSpec> specs = ServiceSpec.all(config);
        checkJarsBuilt(specs);
        checkPortsFree(specs);
        createFolders();

        say.accept("starting PostgreSQL on 127.0.0.1:" + config.postgresPort());
        postgres = PostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort(), DatabaseAccess.local(), true);
        say.accept("starting Kafka on 127.0.0.1:" + config.kafkaPort());
        kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort(), Duration.ofSeconds(120));

        // enrich owns the schema: query-service validates it at start, so it waits for enrich's migrations.
        ServiceSpec enrich = specs.get(1);
        launch(specs.get(0));
        launch(enrich);
        awaitReady(enrich);
        launch(specs.get(2));
        awaitReady(specs.get(0));
        awaitReady(specs.get(2));
    }

    private void checkJarsBuilt(List<ServiceSpec> specs) {
        for (ServiceSpec spec : specs) {
            if (!Files.isRegularFile(spec.jar())) {
                throw new StackException(spec.name() + " is not built (" + spec.jar() + " missing): run ./mvnw -DskipTests package");
            }
        }
    }

    private void checkPortsFree(List<ServiceSpec> specs) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("NEWSFLOW_POSTGRES_PORT", config.postgresPort());
        ports.put("NEWSFLOW_KAFKA_PORT", config.kafkaPort());
        ports.put("NEWSFLOW_KAFKA_CONTROLLER_PORT", config.kafkaControllerPort());
        for (ServiceSpec spec : specs) {
            ports.put(spec.portVariable(), spec.port());
        }
        if (ports.values().stream().distinct().count() != ports.size()) {
            throw new StackException("two components are set to the same port: " + ports);
        }
        ports.forEach((variable, port) -> {
            if (!Ports.isFree(port)) {
                throw new StackException("port " + port + " is already in use (is newsflow already running?); set " + variable + " to a free port");
            }
        });
    }

    private void createFolders() {
        try {
            for (String folder : List.of("inbox", "processed", "failed", "logs")) {
                Files.createDirectories(config.dataDir().resolve(folder));
            }
        } catch (IOException e) {
            throw new StackException("cannot create the data folders under " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private void launch(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (spec.database() != ServiceSpec.Database.NONE) {
            DatabaseAccess access = postgres.access();
            boolean reader = spec.database() == ServiceSpec.Database.READER;
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", reader ? access.readerUser() : access.ownerUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", reader ? access.readerPassword() : access.ownerPassword());
        }
        List<String> args = new ArrayList<>(spec.jvmOptions());
        if (!config.javaOptions().isBlank()) {
            args.addAll(List.of(config.javaOptions().strip().split("\\s+")));
        }
        args.addAll(List.of("-jar", spec.jar().toString()));
        say.accept("starting " + spec.name() + " on http://localhost:" + spec.port() + " (log: " + logFile(spec.name()) + ")");
        services.put(spec.name(), JavaProcesses.start(args, env, config.home(), logFile(spec.name())));
    }

    private void awaitReady(ServiceSpec spec) {
        Process process = services.get(spec.name());
        URI ready = URI.create("http://127.0.0.1:" + spec.port() + "/q/health/ready");
        long deadline = System.nanoTime() + SERVICE_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(spec.name() + " exited during start-up; see " + logFile(spec.name()));
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + spec.name(), e);
            }
            sleep(300);
        }
        throw new StackException(spec.name() + " was not ready within " + SERVICE_START_TIMEOUT.toSeconds() + " s; see " + logFile(spec.name()));
    }

    /** Reverse order of start: nothing is left publishing into a stopped broker or writing to a stopped database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<String> names = new ArrayList<>(services.keySet());
        names.sort((a, b) -> Integer.compare(stopOrder(a), stopOrder(b)));
        for (String name : names) {
            say.accept("stopping " + name);
            JavaProcesses.stop(services.get(name), 30);
        }
        if (kafka != null) {
            say.accept("stopping Kafka");
            kafka.close();
        }
        if (postgres != null) {
            say.accept("stopping PostgreSQL");
            try {
                postgres.close();
            } catch (UncheckedIOException e) {
                say.accept("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static int stopOrder(String service) {
        if (service.startsWith(ServiceSpec.INGEST)) {
            return 0;
        }
        return service.equals(ServiceSpec.QUERY) ? 1 : 2;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }
}
