package io.newsflow.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts and stops the child JVMs of the stack (the Kafka broker, the three services). */
final class JavaProcesses {

    /**
     * Children get their own session where {@code setsid} exists, so a Ctrl-C in the terminal reaches
     * only the launcher, which then stops them in order (ingest before Kafka, Kafka before PostgreSQL).
     */
    private static final boolean HAS_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"));

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
        command.addAll(javaArgs);
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

    /** SIGTERM, then SIGKILL if the child has not exited within the grace period. */
    static void stop(Process process, long graceSeconds) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String classpath(List<String> entries) {
        return String.join(File.pathSeparator, entries);
    }
}
