package io.newsflow.stack;

import sun.misc.Signal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./newsflow run}: the whole pipeline on this machine, supervised, until Ctrl-C (or SIGTERM, SIGHUP).
 *
 * <p>The signals are handled here rather than by a shutdown hook: hooks run concurrently, and
 * zonky's own hook would stop PostgreSQL while the services still use it; and a hook registered
 * after start-up would find nothing to stop when the signal comes during start-up.
 */
public final class NewsflowLauncher {

    private NewsflowLauncher() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        PipelineConfig config;
        try {
            config = PipelineConfig.fromEnvironment(System.getenv(), home);
        } catch (StackException e) {
            System.err.println("newsflow: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.setProperty("newsflow.launcher.log", config.dataDir().resolve("logs").resolve("launcher.log").toString());
        System.setProperty("log4j2.configurationFile", "io/newsflow/stack/launcher-log4j2.properties");

        Pipeline pipeline = Pipeline.create(config, NewsflowLauncher::say);
        AtomicInteger signal = new AtomicInteger();
        for (String name : List.of("INT", "TERM", "HUP")) {
            Signal.handle(new Signal(name), s -> {
                signal.compareAndSet(0, s.getNumber());
                pipeline.close();
            });
        }
        int status;
        try {
            pipeline.start();
            banner(config, pipeline);
            new BacklogProgress(config.queryPort(), System.getenv("NEWSFLOW_QUERY_API_KEY"), NewsflowLauncher::say)
                    .start(pipeline::stopping);
            pipeline.supervise().join();
            status = 128 + signal.get();
        } catch (StackException e) {
            status = pipeline.stopping() && signal.get() != 0 ? 128 + signal.get() : fail(e.getMessage());
        } catch (CompletionException e) {
            status = fail(e.getCause().getMessage());
        } finally {
            // After a signal, waits for the handler's stop to finish: the JVM must not exit halfway through it.
            pipeline.close();
        }
        if (signal.get() != 0) {
            say("stopped; data kept in " + config.dataDir());
        }
        System.exit(status);
    }

    private static int fail(String message) {
        System.err.println("newsflow: " + message);
        return 1;
    }

    private static void banner(PipelineConfig c, Pipeline pipeline) {
        System.out.println();
        System.out.println("newsflow is running.");
        System.out.println("  Drop article files into  " + pipeline.inbox());
        System.out.println("  Dashboard                http://localhost:" + c.queryPort() + "/");
        System.out.println("  Query API                http://localhost:" + c.queryPort() + "/api/v1/stats");
        System.out.println("  ingest-service           http://localhost:" + c.ingestPort() + "/q/health");
        System.out.println("  enrich-service           http://localhost:" + c.enrichPort() + "/q/health");
        System.out.println("  query-service            http://localhost:" + c.queryPort() + "/q/swagger-ui");
        System.out.println("  Kafka                    127.0.0.1:" + c.kafkaPort() + "    PostgreSQL  127.0.0.1:" + c.postgresPort());
        System.out.println("  Logs                     " + c.dataDir().resolve("logs"));
        System.out.println("Press Ctrl-C to stop.");
    }

    private static void say(String line) {
        System.out.println("[newsflow] " + line);
    }
}
