package io.newsflow.e2e;

import io.newsflow.stack.Ports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/** {@code ./newsflow run} as a real process: the launcher's JVM from the packaged embedded-stack, its stdout read line by line. */
final class LauncherProcess {

    static final Path HOME = Path.of(System.getProperty("newsflow.home", "..")).toAbsolutePath().normalize();

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LauncherProcess(Process process, String label) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("[" + label + "] " + line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the launcher is gone; what it said is kept
            }
        }, label + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Free ports for one data folder, kept for every launcher started on it. */
    static Map<String, String> environment(Path dataDir) {
        return Map.of("NEWSFLOW_DATA_DIR", dataDir.toString(),
                "NEWSFLOW_INGEST_PORT", Integer.toString(Ports.free()),
                "NEWSFLOW_ENRICH_PORT", Integer.toString(Ports.free()),
                "NEWSFLOW_QUERY_PORT", Integer.toString(Ports.free()),
                "NEWSFLOW_KAFKA_PORT", Integer.toString(Ports.free()),
                "NEWSFLOW_KAFKA_CONTROLLER_PORT", Integer.toString(Ports.free()),
                "NEWSFLOW_POSTGRES_PORT", Integer.toString(Ports.free()));
    }

    static LauncherProcess start(Map<String, String> env, String label) throws IOException {
        Path stack = HOME.resolve("embedded-stack").resolve("target");
        Path jar;
        try (Stream<Path> files = Files.list(stack)) {
            jar = files.filter(f -> f.getFileName().toString().matches("embedded-stack-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("embedded-stack is not packaged in " + stack));
        }
        // A suite started under nohup hands SIGHUP down ignored, and a JVM that inherits an ignored HUP never
        // handles it: the launcher gets HUP's default disposition back, as it has when started from a terminal.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=HUP", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dnewsflow.home=" + HOME, "-cp", jar + java.io.File.pathSeparator + stack.resolve("lib") + "/*",
                "io.newsflow.stack.NewsflowLauncher"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(HOME.toFile());
        builder.environment().putAll(env);
        return new LauncherProcess(builder.start(), label);
    }

    void awaitLine(String part, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .failFast("the launcher exited", () -> !process.isAlive() && !said(part))
                .until(() -> said(part));
    }

    boolean said(String part) {
        return lines.stream().anyMatch(l -> l.contains(part));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    long pid() {
        return process.pid();
    }

    /** kill -INT, -TERM, -HUP or -KILL, as a terminal, a service manager or the OOM killer sends it. */
    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    int awaitExit(Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> !process.isAlive());
        return process.exitValue();
    }

    /** Every process whose command line names a path in the data folder: the broker, the services, the postmaster. */
    static List<ProcessHandle> processesOf(Path dataDir) {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().arguments().stream().flatMap(Stream::of)
                        .anyMatch(a -> a.contains(dir + "/") || a.endsWith(dir)))
                .toList();
    }

    static List<Integer> ports(Map<String, String> env) {
        return env.entrySet().stream().filter(e -> e.getKey().endsWith("_PORT")).map(e -> Integer.parseInt(e.getValue())).toList();
    }
}
