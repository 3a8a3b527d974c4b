package io.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a launcher that did not stop (kill -9, OOM killer, power cut) left running for one data
 * folder: its children end by themselves ({@link OrphanGuard}) but may still be shutting down, and
 * PostgreSQL runs as a daemon that outlives any launcher. The launcher records each child's pid
 * in {@code <data>/run/<component>.pid}; PostgreSQL keeps its own {@code postmaster.pid}.
 */
final class Leftovers {

    static final String KAFKA = "kafka";
    /** ingest may take up to 60 s to finish publishing what it holds; a little more before SIGKILL. */
    private static final long SERVICE_GRACE_SECONDS = 70;
    private static final long SERVER_GRACE_SECONDS = 30;

    private Leftovers() {
    }

    static void record(Path dataDir, String component, long pid) {
        try {
            Files.createDirectories(runDir(dataDir));
            Files.writeString(pidFile(dataDir, component), Long.toString(pid));
        } catch (IOException e) {
            throw new StackException("cannot write " + pidFile(dataDir, component) + ": " + e.getMessage(), e);
        }
    }

    static void forget(Path dataDir, String component) {
        try {
            Files.deleteIfExists(pidFile(dataDir, component));
        } catch (IOException e) {
            // a stale pid file is harmless: the next start checks the process before signalling it
        }
    }

    /**
     * Stops what an earlier launcher left for {@code dataDir}, in the order of a normal stop, and
     * says so in one line. A pid is signalled only when that process runs as this user and its command
     * line names a path in this data folder: pids get reused, and other data folders' stacks are not ours.
     */
    static void cleanUp(Path dataDir, Consumer<String> say) {
        List<String> stopped = new ArrayList<>();
        for (Path pidFile : pidFiles(dataDir)) {
            String component = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            read(pidFile).filter(p -> belongsTo(p, dataDir)).ifPresent(process -> {
                JavaProcesses.stop(process, component.equals(KAFKA) ? SERVER_GRACE_SECONDS : SERVICE_GRACE_SECONDS);
                stopped.add(component + " (pid " + process.pid() + ")");
            });
            forget(dataDir, component);
        }
        PostgresServer.postmaster(dataDir.resolve("postgres")).filter(p -> belongsTo(p, dataDir)).ifPresent(postmaster -> {
            fastShutdown(postmaster);
            stopped.add("PostgreSQL (pid " + postmaster.pid() + ")");
        });
        if (!stopped.isEmpty()) {
            say.accept("cleaned up after an earlier run on " + dataDir + " that did not stop: stopped " + String.join(", ", stopped));
        }
    }

    static boolean belongsTo(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        String dir = dataDir.toString();
        return process.isAlive()
                && info.user().filter(user -> user.equals(System.getProperty("user.name"))).isPresent()
                && info.arguments().stream().flatMap(Stream::of).anyMatch(argument -> namesPathIn(argument, dir));
    }

    /** {@code /d/kafka/server.properties}, {@code -D /d/postgres} or {@code -javaagent:x.jar=/d/logs/a.log} for {@code /d}. */
    static boolean namesPathIn(String argument, String dir) {
        int at = argument.indexOf(dir);
        if (at < 0 || (at > 0 && argument.charAt(at - 1) != '=')) {
            return false;
        }
        int end = at + dir.length();
        return end == argument.length() || argument.charAt(end) == '/';
    }

    /** SIGINT is PostgreSQL's fast shutdown: clients are disconnected and the data is checkpointed. */
    private static void fastShutdown(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor();
            postmaster.onExit().get(SERVER_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            JavaProcesses.kill(postmaster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> pidFiles(Path dataDir) {
        if (!Files.isDirectory(runDir(dataDir))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(runDir(dataDir))) {
            // Services before the broker they publish to, as a normal stop goes.
            return files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString().equals(KAFKA + ".pid")).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<ProcessHandle> read(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).strip();
            return pid.matches("\\d+") ? ProcessHandle.of(Long.parseLong(pid)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path runDir(Path dataDir) {
        return dataDir.resolve("run");
    }

    private static Path pidFile(Path dataDir, String component) {
        return runDir(dataDir).resolve(component + ".pid");
    }
}
