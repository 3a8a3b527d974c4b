package io.newsflow.stack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the launcher runs one service: its packaged jar, port, heap and the database role it gets. */
record ServiceSpec(String name, Path jar, int port, String portVariable, Database database,
                   List<String> jvmOptions, Map<String, String> environment) {

    static final String INGEST = "ingest-service";
    static final String ENRICH = "enrich-service";
    static final String QUERY = "query-service";

    enum Database { NONE, OWNER, READER }

    /** In start order: ingest, enrich, query. */
    static List<ServiceSpec> all(PipelineConfig config) {
        Map<String, String> dataDir = Map.of("NEWSFLOW_DATA_DIR", config.dataDir().toString());
        return List.of(
                new ServiceSpec(INGEST, jar(config, INGEST), config.ingestPort(), "NEWSFLOW_INGEST_PORT", Database.NONE,
                        List.of("-Xmx384m"), dataDir),
                new ServiceSpec(ENRICH, jar(config, ENRICH), config.enrichPort(), "NEWSFLOW_ENRICH_PORT", Database.OWNER,
                        List.of("-Xmx" + config.enrichHeap()), Map.of()),
                new ServiceSpec(QUERY, jar(config, QUERY), config.queryPort(), "NEWSFLOW_QUERY_PORT", Database.READER,
                        List.of("-Xmx384m"), Map.of("NEWSFLOW_INGEST_URL", "http://127.0.0.1:" + config.ingestPort())));
    }

    /** The same service once more, under another name and port: replicas side by side on one data folder. */
    ServiceSpec replica(String replicaName, int replicaPort) {
        return new ServiceSpec(replicaName, jar, replicaPort, portVariable, database, jvmOptions, environment);
    }

    /** The same service with these variables added to (or replacing) its environment. */
    ServiceSpec withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(variables);
        return new ServiceSpec(name, jar, port, portVariable, database, jvmOptions, Map.copyOf(merged));
    }

    private static Path jar(PipelineConfig config, String module) {
        return config.home().resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }
}
