package io.newsflow.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local pipeline keeps its data and which loopback ports it uses.
 *
 * @param home    the repository root, where each service's build output lives
 * @param dataDir inbox, processed, failed, logs and the PostgreSQL and Kafka data
 */
public record PipelineConfig(Path home, Path dataDir, int ingestPort, int enrichPort, int queryPort,
                             int kafkaPort, int kafkaControllerPort, int postgresPort, String javaOptions) {

    /** Reads the {@code NEWSFLOW_*} variables README documents, with the local defaults. */
    public static PipelineConfig fromEnvironment(Map<String, String> env, Path home) {
        return new PipelineConfig(
                home,
                home.resolve(env.getOrDefault("NEWSFLOW_DATA_DIR", "data")).toAbsolutePath().normalize(),
                port(env, "NEWSFLOW_INGEST_PORT", 8081),
                port(env, "NEWSFLOW_ENRICH_PORT", 8082),
                port(env, "NEWSFLOW_QUERY_PORT", 8083),
                port(env, "NEWSFLOW_KAFKA_PORT", 9092),
                port(env, "NEWSFLOW_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "NEWSFLOW_POSTGRES_PORT", 5433),
                env.getOrDefault("NEWSFLOW_JAVA_OPTS", ""));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be a port number between 1 and 65535, not '" + value + "'");
        }
    }
}
