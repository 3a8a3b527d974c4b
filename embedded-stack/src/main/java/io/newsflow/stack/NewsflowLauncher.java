package io.newsflow.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code ./newsflow run}: the whole pipeline on this machine until Ctrl-C. */
public final class NewsflowLauncher {

    private NewsflowLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        Pipeline pipeline;
        try {
            pipeline = Pipeline.start(PipelineConfig.fromEnvironment(System.getenv(), home), NewsflowLauncher::say);
        } catch (StackException e) {
            System.err.println("newsflow: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            pipeline.close();
            say("stopped; data kept in " + pipeline.config().dataDir());
            stopped.countDown();
        }, "newsflow-stop"));
        banner(pipeline.config(), pipeline);

        while (true) {
            Thread.sleep(1000);
            var dead = pipeline.deadService();
            if (dead.isPresent()) {
                System.err.println("newsflow: " + dead.get() + " stopped unexpectedly; see " + pipeline.logFile(dead.get()) + ". Stopping everything.");
                System.exit(1);
            }
        }
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
