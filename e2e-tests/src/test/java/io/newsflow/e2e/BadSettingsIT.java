package io.newsflow.e2e;

import io.newsflow.stack.Ports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each packaged service started with a bad setting, as an operator would: it stops at once, exit status 1,
 * with one line naming the variable, the value and what is allowed, and no stack trace. Nothing listens on
 * the Kafka and PostgreSQL addresses given: the settings are refused before either is reached.
 */
class BadSettingsIT {

    private final List<Process> started = new ArrayList<>();
    private final List<LauncherProcess> launchers = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
        launchers.forEach(l -> ProcessHandle.of(l.pid()).ifPresent(ProcessHandle::destroy));
    }

    @Test
    void ingestRefusesZeroWorkersAndTakesByteSizesWithUnits() throws Exception {
        String output = refused("ingest-service", Map.of("NEWSFLOW_INBOX_WORKERS", "0", "NEWSFLOW_INBOX_MAX_FILE_BYTES", "20M"));

        assertEquals(List.of("NEWSFLOW_INBOX_WORKERS=0 is not allowed: must be between 1 and 256"), refusedLines(output));
    }

    /** Read as false before strict converters: files would have been taken without waiting for their marker. */
    @Test
    void ingestRefusesAMisspelledSwitchInsteadOfReadingItAsFalse() throws Exception {
        String output = refused("ingest-service", Map.of("NEWSFLOW_INBOX_MARKER_MODE", "ture"));

        assertTrue(output.lines().anyMatch(line -> line.contains("newsflow.inbox.marker-mode") && line.contains("\"ture\"")
                && line.endsWith("must be true or false")), output);
    }

    @Test
    void enrichExplainsThatTheThresholdIsAFraction() throws Exception {
        String output = refused("enrich-service", Map.of("NEWSFLOW_DEDUP_THRESHOLD", "80"));

        assertEquals(List.of("NEWSFLOW_DEDUP_THRESHOLD=80 is not allowed: must be a fraction above 0 and at most 1, e.g. 0.8"
                + " (not a percentage)"), refusedLines(output));
    }

    @Test
    void queryRefusesANegativeRefresh() throws Exception {
        String output = refused("query-service", Map.of("NEWSFLOW_QUERY_WATERMARK_REFRESH", "-PT1S"));

        assertEquals(List.of("NEWSFLOW_QUERY_WATERMARK_REFRESH=-PT1S is not allowed: must be a duration between 0s and 1h,"
                + " e.g. 2s, 500ms or PT2S"), refusedLines(output));
    }

    /** {@code ./newsflow run} starts the stack, then ingest refuses its setting: the operator reads why in the terminal. */
    @Test
    void theLauncherShowsTheRefusedSettingInTheTerminal() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "launcher-bad-settings-");
        Map<String, String> env = new HashMap<>(LauncherProcess.environment(dataDir));
        env.put("NEWSFLOW_INBOX_WORKERS", "0");
        LauncherProcess launcher = LauncherProcess.start(env, "bad-settings");
        launchers.add(launcher);

        assertEquals(1, launcher.awaitExit(Duration.ofMinutes(4)));
        assertTrue(launcher.said("newsflow: ingest-service refused its settings and stopped:"), launcher.lines().toString());
        assertTrue(launcher.said("  NEWSFLOW_INBOX_WORKERS=0 is not allowed: must be between 1 and 256"), launcher.lines().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> LauncherProcess.processesOf(dataDir).isEmpty());
    }

    /** The service's whole output once it exited, asserted to be a refusal: status 1, no stack trace, no start. */
    private String refused(String service, Map<String, String> settings) throws IOException, InterruptedException {
        Path jar = LauncherProcess.HOME.resolve(service).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
        assertTrue(Files.exists(jar), service + " is not packaged: " + jar);
        Path output = Files.createTempFile("bad-settings-" + service, ".log");
        Map<String, String> env = new HashMap<>(settings);
        // Addresses where nothing answers: a service that got past its settings would hang or fail otherwise.
        int nobody = Ports.free();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + nobody);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + nobody + "/newsflow");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(Ports.free()));
        env.put("NEWSFLOW_DATA_DIR", Files.createTempDirectory("bad-settings").toString());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS), service + " did not stop on its bad setting");
        String said = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println("[" + service + "] " + said);
        assertEquals(1, process.exitValue(), said);
        assertFalse(said.lines().anyMatch(line -> line.matches("\\s+at [\\w.$]+\\(.*\\)")), "a stack trace:\n" + said);
        assertFalse(said.contains("Listening on"), said);
        return said;
    }

    private static List<String> refusedLines(String output) {
        return output.lines().filter(line -> line.contains(" is not allowed: ")).map(String::strip).toList();
    }
}
