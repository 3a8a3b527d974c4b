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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The whole local pipeline: PostgreSQL, Kafka and the three services as child processes, started
 * in dependency order and stopped in reverse. Used by {@code ./newsflow run} and by the end-to-end tests.
 *
 * <p>{@link #close()} may come from any thread at any moment (a signal during start-up): it makes a
 * start-up or restart in progress give up at its next step, waits for it, and stops whatever runs.
 */
public final class Pipeline implements AutoCloseable {

    static final String POSTGRES = "PostgreSQL";
    static final String KAFKA = "Kafka";
    /** A component that dies this often within {@link #CRASH_WINDOW} is not restarted again: everything stops. */
    static final int MAX_CRASHES = 5;
    static final Duration CRASH_WINDOW = Duration.ofMinutes(2);

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration KAFKA_START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POSTGRES_RESTART_TIMEOUT = Duration.ofSeconds(30);
    private static final long SERVICE_GRACE_SECONDS = 30;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PipelineConfig config;
    private final Consumer<String> say;
    /** Held by whatever starts or stops components: start-up, the supervisor, the drill hooks and close. */
    private final ReentrantLock work = new ReentrantLock();
    private volatile boolean stopping;
    private boolean stopped;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, Process> services = new LinkedHashMap<>();
    /** Where each service's latest start begins in its log, to tell the operator what it said if it stops at once. */
    private final Map<String, Long> logMarks = new HashMap<>();
    private final List<Replica> replicas = new ArrayList<>();

    private Pipeline(PipelineConfig config, Consumer<String> say) {
        this.config = config;
        this.say = say;
        ServiceSpec.all(config).forEach(spec -> specs.put(spec.name(), spec));
    }

    /** A pipeline not started yet: whoever stops it (a signal handler) can hold it before {@link #start()}. */
    public static Pipeline create(PipelineConfig config, Consumer<String> say) {
        return new Pipeline(config, say);
    }

    public static Pipeline start(PipelineConfig config, Consumer<String> say) {
        Pipeline pipeline = create(config, say);
        pipeline.start();
        return pipeline;
    }

    /**
     * Cleans up after an earlier run on the same data that did not stop, then starts everything and
     * waits until each service is ready. On failure, or when {@link #close()} is called meanwhile,
     * stops what had started and throws.
     */
    public void start() {
        try {
            underLock(this::startAll);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public PipelineConfig config() {
        return config;
    }

    /** True from the first {@link #close()} on: start-up failures after it are the stop, not a fault. */
    public boolean stopping() {
        return stopping;
    }

    public Path inbox() {
        return config.dataDir().resolve("inbox");
    }

    public Path logFile(String service) {
        return config.dataDir().resolve("logs").resolve(service + ".log");
    }

    /**
     * Watches every component from now on: one that dies is started again on the same ports and data,
     * with a line saying so; one that dies {@value #MAX_CRASHES} times within two minutes stops everything.
     *
     * @return completes when the pipeline is closed, or exceptionally (everything already stopped)
     *         with the reason when supervision gave up
     */
    public CompletableFuture<Void> supervise() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread supervisor = new Thread(() -> superviseUntilStopped(done), "newsflow-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
        return done;
    }

    /** Failure drill: stops the broker as a crash or maintenance would, keeping its data. */
    public void stopKafka() {
        underLock(() -> stopKafkaProcess());
    }

    /** Brings the broker back on the same ports and data after {@link #stopKafka()}. */
    public void startKafka() {
        underLock(this::startKafkaProcess);
    }

    /** Failure drill: kill -9 of the postmaster (and its backends); back once they are gone. */
    public void killPostgres() {
        underLock(() -> postgres.kill());
    }

    /** Brings PostgreSQL back on the same data and port, after a crash or {@link #killPostgres()}. */
    public void startPostgres() {
        underLock(this::restartPostgres);
    }

    /** Failure drill: kill -9 of one service's process; back once it is gone. */
    public void killService(String name) {
        underLock(() -> JavaProcesses.kill(service(name).toHandle()));
    }

    /** Starts a service again with the same spec (after a crash or {@link #killService}) and waits until it is ready. */
    public void startService(String name) {
        underLock(() -> {
            ServiceSpec spec = spec(name);
            stopService(name);
            launch(spec);
            awaitReady(spec);
        });
    }

    /**
     * Before {@link #start()}: one more replica of a service under another name and port, as operators
     * run several side by side: ingest on the same data folder, enrich in the same consumer group on the
     * same database. It starts together with its service (and with the environment set for it), is
     * supervised and stopped with the others, and logs to {@code logs/<name>.log}.
     */
    public Pipeline withReplica(String service, String name, int port) {
        underLock(() -> {
            spec(service);
            if (specs.containsKey(name) || replicas.stream().anyMatch(r -> r.name().equals(name))) {
                throw new IllegalArgumentException(name + " is already a service of this pipeline");
            }
            replicas.add(new Replica(service, name, port));
        });
        return this;
    }

    /**
     * Before {@link #start()}: variables set for one service (and its replicas) over what it inherits
     * from this process, e.g. a test that runs enrich with other settings.
     */
    public Pipeline withEnvironment(String service, Map<String, String> variables) {
        underLock(() -> specs.put(service, spec(service).withEnvironment(variables)));
        return this;
    }

    private void startAll() {
        replicas.forEach(r -> specs.put(r.name(), spec(r.service()).replica(r.name(), r.port())));
        List<ServiceSpec> all = List.copyOf(specs.values());
        checkJarsBuilt(all);
        Leftovers.cleanUp(config.dataDir(), say);
        checkPortsFree(all);
        createFolders();

        say.accept("starting PostgreSQL on 127.0.0.1:" + config.postgresPort());
        postgres = PostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort(), DatabaseAccess.local(), true);
        abandonIfStopping();
        say.accept("starting Kafka on 127.0.0.1:" + config.kafkaPort());
        startKafkaProcess();
        RawTopics.ensure(kafka.bootstrapServers(), List.of(config.rawTopic(), config.deadLetterTopic()), config.partitions(), say);
        abandonIfStopping();

        // enrich owns the schema: query-service validates it at start, so it waits for enrich's migrations
        // (replicas of enrich migrate at once too: Flyway's lock lets one of them do it, the others find it done).
        launchWithReplicas(ServiceSpec.INGEST);
        launchWithReplicas(ServiceSpec.ENRICH);
        awaitReady(spec(ServiceSpec.ENRICH));
        launchWithReplicas(ServiceSpec.QUERY);
        awaitReady(spec(ServiceSpec.INGEST));
        awaitReady(spec(ServiceSpec.QUERY));
        replicas.forEach(r -> awaitReady(spec(r.name())));
    }

    private void launchWithReplicas(String service) {
        launch(spec(service));
        replicas.stream().filter(r -> r.service().equals(service)).forEach(r -> launch(spec(r.name())));
    }

    private void superviseUntilStopped(CompletableFuture<Void> done) {
        Map<String, CrashWindow> crashes = new HashMap<>();
        try {
            while (!stopping) {
                Thread.sleep(1000);
                underLock(() -> {
                    for (String component : deadComponents()) {
                        // Services need the servers: while one is still down, they wait for the next round.
                        if (!restartAfterCrash(component, crashes.computeIfAbsent(component, c -> new CrashWindow(MAX_CRASHES, CRASH_WINDOW)))) {
                            break;
                        }
                    }
                });
            }
            done.complete(null);
        } catch (InterruptedException e) {
            done.complete(null);
        } catch (StackException e) {
            close();
            if (e instanceof GaveUp) {
                done.completeExceptionally(e);
            } else {
                done.complete(null);
            }
        }
    }

    private List<String> deadComponents() {
        List<String> dead = new ArrayList<>();
        if (postgres == null || !postgres.isAlive()) {
            dead.add(POSTGRES);
        }
        if (kafka == null || !kafka.isAlive()) {
            dead.add(KAFKA);
        }
        services.forEach((name, process) -> {
            if (!process.isAlive()) {
                dead.add(name);
            }
        });
        return dead;
    }

    /** @return whether the component runs again */
    private boolean restartAfterCrash(String component, CrashWindow crashes) {
        if (crashes.crashedAt(System.nanoTime())) {
            throw new GaveUp(component + " stopped unexpectedly " + MAX_CRASHES + " times within " + CRASH_WINDOW.toMinutes()
                    + " minutes" + logHint(component) + "; stopping everything");
        }
        say.accept(component + " stopped unexpectedly" + logHint(component) + "; starting it again on the same data");
        try {
            switch (component) {
                case POSTGRES -> restartPostgres();
                case KAFKA -> {
                    stopKafkaProcess();
                    startKafkaProcess();
                }
                default -> {
                    ServiceSpec spec = spec(component);
                    stopService(component);
                    launch(spec);
                    awaitReady(spec);
                }
            }
            return true;
        } catch (Abandoned e) {
            throw e;
        } catch (StackException e) {
            // Still dead: the next look counts it again, towards the limit.
            say.accept(component + " did not start again: " + e.getMessage());
            return false;
        }
    }

    private String logHint(String component) {
        return switch (component) {
            case POSTGRES -> " (see " + logFile("launcher") + ")";
            case KAFKA -> " (see " + config.dataDir().resolve("kafka").resolve("kafka.log") + ")";
            default -> " (see " + logFile(component) + ")";
        };
    }

    /**
     * A crashed server's backends may hold its shared memory for a moment after the postmaster is gone,
     * and PostgreSQL refuses to start until they are gone: tries again until the timeout.
     */
    private void restartPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        long deadline = System.nanoTime() + POSTGRES_RESTART_TIMEOUT.toNanos();
        while (true) {
            try {
                postgres = PostgresServer.start(config.dataDir().resolve("postgres"), config.postgresPort(), DatabaseAccess.local(), true);
                return;
            } catch (StackException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                abandonIfStopping();
                sleep(500);
            }
        }
    }

    private void startKafkaProcess() {
        kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort(), config.partitions(),
                KAFKA_START_TIMEOUT, () -> stopping);
        Leftovers.record(config.dataDir(), Leftovers.KAFKA, kafka.pid());
    }

    private void stopKafkaProcess() {
        if (kafka != null) {
            kafka.close();
            Leftovers.forget(config.dataDir(), Leftovers.KAFKA);
        }
    }

    private void stopService(String name) {
        Process process = services.remove(name);
        if (process != null) {
            JavaProcesses.stop(process.toHandle(), SERVICE_GRACE_SECONDS);
            Leftovers.forget(config.dataDir(), name);
        }
    }

    private ServiceSpec spec(String name) {
        ServiceSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no service named " + name + "; known: " + specs.keySet());
        }
        return spec;
    }

    private Process service(String name) {
        Process process = services.get(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running under this pipeline");
        }
        return process;
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
        abandonIfStopping();
        say.accept("starting " + spec.name() + " on http://localhost:" + spec.port() + " (log: " + logFile(spec.name()) + ")");
        logMarks.put(spec.name(), RefusedSettings.mark(logFile(spec.name())));
        Process process = JavaProcesses.start(args, env, config.home(), logFile(spec.name()));
        services.put(spec.name(), process);
        Leftovers.record(config.dataDir(), spec.name(), process.pid());
    }

    private void awaitReady(ServiceSpec spec) {
        Process process = services.get(spec.name());
        URI ready = URI.create("http://127.0.0.1:" + spec.port() + "/q/health/ready");
        long deadline = System.nanoTime() + SERVICE_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            abandonIfStopping();
            if (!process.isAlive()) {
                List<String> refused = RefusedSettings.since(logFile(spec.name()), logMarks.getOrDefault(spec.name(), 0L));
                throw new StackException(refused.isEmpty()
                        ? spec.name() + " exited during start-up; see " + logFile(spec.name())
                        : spec.name() + " refused its settings and stopped:\n  " + String.join("\n  ", refused));
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
        stopping = true;
        work.lock();
        try {
            if (stopped) {
                return;
            }
            stopped = true;
            List<String> names = new ArrayList<>(services.keySet());
            names.sort((a, b) -> Integer.compare(stopOrder(a), stopOrder(b)));
            for (String name : names) {
                say.accept("stopping " + name);
                stopService(name);
            }
            if (kafka != null) {
                say.accept("stopping Kafka");
                stopKafkaProcess();
            }
            if (postgres != null) {
                say.accept("stopping PostgreSQL");
                try {
                    postgres.close();
                } catch (UncheckedIOException e) {
                    say.accept("PostgreSQL did not stop cleanly: " + e.getMessage());
                }
            }
        } finally {
            work.unlock();
        }
    }

    private void underLock(Runnable step) {
        work.lock();
        try {
            abandonIfStopping();
            step.run();
        } finally {
            work.unlock();
        }
    }

    private void abandonIfStopping() {
        if (stopping) {
            throw new Abandoned();
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

    /** A replica asked for by {@link #withReplica}: built from its service's spec at start-up. */
    private record Replica(String service, String name, int port) {
    }

    /** A start-up or restart given up because the pipeline is being stopped. */
    private static final class Abandoned extends StackException {
        Abandoned() {
            super("start-up abandoned: newsflow is stopping");
        }
    }

    /** A component died too often: supervision stops everything. */
    private static final class GaveUp extends StackException {
        GaveUp(String message) {
            super(message);
        }
    }
}
