package io.newsflow.e2e;

import io.newsflow.stack.Pipeline;
import io.newsflow.stack.PipelineConfig;
import io.newsflow.stack.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The packaged services started as {@code ./newsflow run} starts them, on free ports and a fresh data
 * folder under target/; {@code -Dnewsflow.java-opts=…} adds JVM options to every service, as
 * {@code NEWSFLOW_JAVA_OPTS} does (e.g. a flight recording to profile a benchmark).
 */
final class LocalPipeline {

    private LocalPipeline() {
    }

    static Pipeline start(String name) throws IOException {
        Path home = Path.of(System.getProperty("newsflow.home", "..")).toAbsolutePath().normalize();
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-data-");
        PipelineConfig config = new PipelineConfig(home, dataDir, Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free(), System.getProperty("newsflow.java-opts", ""));
        return Pipeline.start(config, line -> System.out.println("[" + name + "] " + line));
    }
}
