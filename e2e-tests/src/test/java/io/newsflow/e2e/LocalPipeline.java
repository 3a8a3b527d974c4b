package io.newsflow.e2e;

import io.newsflow.stack.Pipeline;
import io.newsflow.stack.PipelineConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The packaged services started as {@code ./newsflow run} starts them (its settings and defaults, through
 * {@link PipelineConfig#fromEnvironment}), on free ports and a fresh data folder under target/.
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
        PipelineConfig config = PipelineConfig.fromEnvironment(LauncherProcess.environment(dataDir), LauncherProcess.HOME);
        return Pipeline.create(config, line -> System.out.println("[" + name + "] " + line));
    }
}
