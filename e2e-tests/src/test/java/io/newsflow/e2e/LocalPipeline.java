package io.newsflow.e2e;

import io.newsflow.stack.Pipeline;
import io.newsflow.stack.PipelineConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The packaged services started as {@code ./newsflow run} starts them (its settings and defaults, through
 * {@link PipelineConfig#fromEnvironment}), on free ports and a fresh data folder under target/;
 * {@code -Dnewsflow.java-opts=…} adds JVM options to every service, as {@code NEWSFLOW_JAVA_OPTS} does
 * (e.g. a flight recording to profile a benchmark).
 */
final class LocalPipeline {

    private LocalPipeline() {
    }

    static Pipeline start(String name) throws IOException {
        Pipeline pipeline = create(name);
        pipeline.start();
        return pipeline;
    }

    /** Not started yet: the caller may add replicas ({@link Pipeline#withReplica}) or set a service's environment ({@link Pipeline#withEnvironment}) first. */
    static Pipeline create(String name) throws IOException {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-data-");
        Map<String, String> env = new HashMap<>(LauncherProcess.environment(dataDir));
        env.put("NEWSFLOW_JAVA_OPTS", System.getProperty("newsflow.java-opts", ""));
        PipelineConfig config = PipelineConfig.fromEnvironment(env, LauncherProcess.HOME);
        return Pipeline.create(config, line -> System.out.println("[" + name + "] " + line));
    }
}
