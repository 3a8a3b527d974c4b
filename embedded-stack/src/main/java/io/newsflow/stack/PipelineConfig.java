package io.newsflow.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local pipeline keeps its data, which loopback ports it uses and how its raw topics are laid out.
 *
 * @param home            the repository root, where each service's build output lives
 * @param dataDir         inbox, processed, failed, logs and the PostgreSQL and Kafka data
 * @param partitions      the least number of partitions of the raw topic and its dead-letter topic
 * @param rawTopic        the topic ingest publishes to and enrich reads, as the services name it
 * @param deadLetterTopic enrich's dead-letter topic, as the services name it
 * @param enrichHeap      enrich's {@code -Xmx}: 768m, the heap target; 2g when NEWSFLOW_ENTITY_CHINESE_MODEL=corenlp,
 *                        whose models enrich refuses to load in less than 1280 MB
 */
public record PipelineConfig(Path home, Path dataDir, int ingestPort, int enrichPort, int queryPort,
                             int kafkaPort, int kafkaControllerPort, int postgresPort, int partitions,
                             String rawTopic, String deadLetterTopic, String javaOptions, String enrichHeap) {

    /** As deploy/'s compose file and Kubernetes manifests: the same variable, the same default. */
    public static final int DEFAULT_PARTITIONS = 6;

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
                wholeNumber(env, "NEWSFLOW_PARTITIONS", DEFAULT_PARTITIONS, 1, Integer.MAX_VALUE, "a whole number of partitions, 1 or more"),
                // The services inherit the launcher's environment: they read these two with the same defaults.
                text(env, "NEWSFLOW_TOPIC_RAW", "articles.raw.v1"),
                text(env, "NEWSFLOW_TOPIC_RAW_DLQ", "articles.raw.v1.dlq"),
                env.getOrDefault("NEWSFLOW_JAVA_OPTS", ""),
                "corenlp".equals(env.get("NEWSFLOW_ENTITY_CHINESE_MODEL")) ? "2g" : "768m");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return wholeNumber(env, name, fallback, 1, 65535, "a port number between 1 and 65535");
    }

    private static int wholeNumber(Map<String, String> env, String name, int fallback, int min, int max, String allowed) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new StackException(name + " must be " + allowed + ", not '" + value + "'");
        }
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
