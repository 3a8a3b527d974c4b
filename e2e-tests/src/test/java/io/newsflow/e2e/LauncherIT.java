package io.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.stack.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./newsflow run} as its user meets it, a real launcher process: whatever the moment of a
 * signal, nothing of its data folder is left running; a launcher killed with -9 takes its children
 * with it, and the next one cleans up, keeps the data and, supervising, brings crashed parts back.
 */
class LauncherIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START = Duration.ofMinutes(4);
    /** Everything stops within this after a signal: services in start-up and idle ones stop in seconds. */
    private static final Duration STOP = Duration.ofSeconds(60);

    private final List<LauncherProcess> launchers = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        launchers.forEach(l -> ProcessHandle.of(l.pid()).ifPresent(ProcessHandle::destroy));
    }

    @Test
    void aSignalAtAnyStageOfStartUpStopsEverythingStartedSoFar() throws Exception {
        Path dataDir = dataDir("interrupted");
        Map<String, String> env = LauncherProcess.environment(dataDir);
        // Each stage line is printed as its step begins: the signal lands while that step is in progress.
        // ingest and enrich are launched together, so one stage covers both; TERM on a running launcher is the next test's.
        String[][] stages = {
                {"starting Kafka", "INT"},              // PostgreSQL up, the broker starting
                {"starting ingest-service", "HUP"},     // Kafka up, ingest (and enrich) starting
                {"starting query-service", "TERM"},     // enrich ready, ingest and query starting
        };
        for (String[] stage : stages) {
            LauncherProcess launcher = launch(env, "interrupted");
            launcher.awaitLine(stage[0], START);
            launcher.signal(stage[1]);
            int status = launcher.awaitExit(STOP);

            assertFalse(launcher.said("newsflow is running."), "signalled during start-up");
            assertTrue(status != 0 && status != 1, "stopped on request, not failed, after " + stage[0] + ": " + status + " " + launcher.lines());
            assertNothingLeft(dataDir, env);
        }
    }

    @Test
    void aKilledLauncherTakesItsChildrenAlongAndTheNextOneCleansUpKeepsTheDataAndSupervises() throws Exception {
        Path dataDir = dataDir("killed");
        Map<String, String> env = LauncherProcess.environment(dataDir);
        int queryPort = Integer.parseInt(env.get("NEWSFLOW_QUERY_PORT"));

        LauncherProcess first = launch(env, "first");
        first.awaitLine("newsflow is running.", START);
        Samples.drop(dataDir.resolve("inbox"), Samples.NAMES.get(0), Samples.NAMES.get(0));
        Samples.drop(dataDir.resolve("inbox"), Samples.NAMES.get(1), Samples.NAMES.get(1));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> articles(queryPort) == 2);
        List<ProcessHandle> children = childrenRecordedIn(dataDir);
        assertEquals(4, children.size(), "Kafka and the three services have pid files");

        first.signal("KILL");
        first.awaitExit(Duration.ofSeconds(10));
        await("the broker and the services end with their launcher").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertTrue(postmaster(dataDir).isPresent(), "PostgreSQL runs as a daemon: it outlives the launcher (and is cleaned up next)");

        LauncherProcess second = launch(env, "second");
        second.awaitLine("newsflow is running.", START);
        assertTrue(second.lines().stream().anyMatch(l -> l.contains("cleaned up after an earlier run") && l.contains("PostgreSQL")),
                second.lines().toString());
        assertEquals(2, articles(queryPort), "every stored article kept");

        // Supervision: a crashed postmaster and a crashed service come back on the same data.
        long oldPostmaster = postmaster(dataDir).orElseThrow().pid();
        ProcessHandle.of(oldPostmaster).orElseThrow().destroyForcibly();
        second.awaitLine("PostgreSQL stopped unexpectedly", Duration.ofSeconds(30));
        ProcessHandle query = childrenRecordedIn(dataDir).stream()
                .filter(p -> p.info().arguments().stream().flatMap(java.util.stream.Stream::of).anyMatch(a -> a.contains("query-service.log")))
                .findFirst().orElseThrow();
        query.destroyForcibly();
        second.awaitLine("query-service stopped unexpectedly", Duration.ofSeconds(30));
        await("the stack is ready again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> ready(env) && articles(queryPort) == 2);
        assertTrue(postmaster(dataDir).orElseThrow().pid() != oldPostmaster);

        second.signal("TERM");
        assertEquals(128 + 15, second.awaitExit(STOP));
        assertTrue(second.said("stopped; data kept in " + dataDir));
        assertNothingLeft(dataDir, env);
    }

    private LauncherProcess launch(Map<String, String> env, String label) throws IOException {
        LauncherProcess launcher = LauncherProcess.start(env, label);
        launchers.add(launcher);
        return launcher;
    }

    private static void assertNothingLeft(Path dataDir, Map<String, String> env) {
        await("no process of " + dataDir + " left").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> LauncherProcess.processesOf(dataDir).isEmpty());
        await("every port free").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> LauncherProcess.ports(env).stream().allMatch(Ports::isFree));
    }

    private static Path dataDir(String name) throws IOException {
        return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "launcher-" + name + "-");
    }

    private static List<ProcessHandle> childrenRecordedIn(Path dataDir) throws IOException {
        try (var files = Files.list(dataDir.resolve("run"))) {
            return files.map(f -> {
                try {
                    return ProcessHandle.of(Long.parseLong(Files.readString(f).strip()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).flatMap(java.util.Optional::stream).toList();
        }
    }

    private static java.util.Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return java.util.Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())).filter(ProcessHandle::isAlive);
    }

    private static int articles(int queryPort) throws IOException, InterruptedException {
        HttpResponse<String> response = get(queryPort, "/api/v1/stats");
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("articles").asInt() : -1;
    }

    private static boolean ready(Map<String, String> env) throws IOException, InterruptedException {
        for (String service : List.of("NEWSFLOW_INGEST_PORT", "NEWSFLOW_ENRICH_PORT", "NEWSFLOW_QUERY_PORT")) {
            if (get(Integer.parseInt(env.get(service)), "/q/health/ready").statusCode() != 200) {
                return false;
            }
        }
        return true;
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
