package io.newsflow.stack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts and stops the child JVMs of the stack (the Kafka broker, the three services). */
final class JavaProcesses {

    /**
     * Children get their own session where {@code setsid} exists, so a Ctrl-C in the terminal reaches
     * only the launcher, which then stops them in order (ingest before Kafka, Kafka before PostgreSQL).
     */
    private static final boolean HAS_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"));

    /** This module's jar, the {@link OrphanGuard} agent; absent when the classes run unpackaged (from an IDE). */
    private static final Optional<Path> GUARD_JAR = guardJar();

    private JavaProcesses() {
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static Process start(List<String> javaArgs, Map<String, String> env, Path workDir, Path log) {
        List<String> command = new ArrayList<>();
        if (HAS_SETSID) {
            command.add("/usr/bin/setsid");
        }
        command.add(javaExecutable());
        GUARD_JAR.ifPresent(jar -> command.add("-javaagent:" + jar + "=" + log.toAbsolutePath()));
        command.addAll(javaArgs);
        // stdin stays a pipe the launcher never writes to: its end of file tells the OrphanGuard the launcher is gone.
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            return builder.start();
        } catch (Exception e) {
            throw new StackException("could not start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** SIGTERM, then SIGKILL if the process has not exited within the grace period. */
    static void stop(ProcessHandle process, long graceSeconds) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(graceSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            kill(process);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, and back once the process is gone (or after ten seconds, when it is not ours to reap). */
    static void kill(ProcessHandle process) {
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a process another user owns, or one in uninterruptible sleep: nothing more to do from here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> guardJar() {
        try {
            Path location = Path.of(OrphanGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static String classpath(List<String> entries) {
        return String.join(File.pathSeparator, entries);
    }
}
