package io.newsflow.ingest.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** An empty data root per test JVM, so names left by an earlier run cannot change what a test sees. */
public class FreshDataDirResource implements QuarkusTestResourceLifecycleManager {

    public static final String PROPERTY = "ingest.test.data-dir";

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-data-");
            System.setProperty(PROPERTY, dir.toString());
            return Map.of("newsflow.data-dir", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // left in target/ for inspection after a failure; mvn clean removes it
    }
}
