package io.newsflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators rely on in deploy/docker-compose.yml, checked without a Docker engine. */
class ComposeFileTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[-?][^}]*)?}");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?");
    private static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9./-]+:(v?\\d+(\\.\\d+)+|\\$\\{NEWSFLOW_VERSION:-[^}]+})");

    private final JsonNode compose = DeployFiles.compose();
    private final JsonNode services = compose.path("services");

    @Test
    void kafkaAndPostgresAreTheImagesTheTestsRunAgainst() {
        assertEquals(TestStack.KAFKA_IMAGE, services.path("kafka").path("image").asText());
        assertEquals(TestStack.KAFKA_IMAGE, services.path("kafka-init").path("image").asText());
        assertEquals(TestStack.POSTGRES_IMAGE, services.path("postgres").path("image").asText());
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        services.fields().forEachRemaining(service -> {
            String image = service.getValue().path("image").asText();
            assertTrue(PINNED_IMAGE.matcher(image).matches(), service.getKey() + " image is not pinned: " + image);
        });
    }

    @Test
    void theThreeServicesAreBuiltFromTheirModulesDockerfiles() {
        for (String name : DeployFiles.SERVICES) {
            JsonNode build = services.path(name).path("build");
            assertEquals("..", build.path("context").asText(), name + " builds from the repository root");
            assertEquals(name + "-service/src/main/docker/Dockerfile.jvm", build.path("dockerfile").asText());
        }
    }

    @Test
    void everyContainerHasAHealthCheckRestartPolicyAndLimits() {
        services.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            JsonNode health = service.path("healthcheck");
            boolean oneShot = "no".equals(service.path("restart").asText());
            if (oneShot) {
                // judged by its exit code: whoever needs it waits for service_completed_successfully
                assertTrue(health.path("disable").asBoolean(), name + " is one-shot and should say its health check is off");
            } else {
                assertTrue(health.path("test").isArray() && health.path("test").size() > 1, name + " has no health check");
                assertEquals("unless-stopped", service.path("restart").asText(), name + " restart policy");
            }
            JsonNode limits = service.path("deploy").path("resources").path("limits");
            assertFalse(limits.path("cpus").asText().isEmpty(), name + " has no CPU limit");
            assertFalse(limits.path("memory").asText().isEmpty(), name + " has no memory limit");
        });
    }

    @Test
    void dependenciesWaitForHealthOrCompletion() {
        Set<String> oneShots = new TreeSet<>();
        services.fields().forEachRemaining(s -> {
            if ("no".equals(s.getValue().path("restart").asText())) {
                oneShots.add(s.getKey());
            }
        });
        services.fields().forEachRemaining(service -> service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
            String expected = oneShots.contains(dependency.getKey()) ? "service_completed_successfully" : "service_healthy";
            assertEquals(expected, dependency.getValue().path("condition").asText(),
                    service.getKey() + " -> " + dependency.getKey());
        }));
        assertEquals("service_healthy", services.path("query").path("depends_on").path("enrich").path("condition").asText(),
                "query validates the schema enrich's migrations create, so it starts after enrich is ready");
    }

    @Test
    void servicesGetTheirConnectionsFromTheConfigKeysTheyRead() {
        assertEquals("/data", env("ingest").get("NEWSFLOW_DATA_DIR"));
        for (String name : List.of("ingest", "enrich")) {
            assertTrue(env(name).get("KAFKA_BOOTSTRAP_SERVERS").contains("kafka:9092"), name);
            assertTrue(env(name).containsKey("NEWSFLOW_TOPIC_RAW"), name);
        }
        for (String name : List.of("enrich", "query")) {
            assertTrue(env(name).get("QUARKUS_DATASOURCE_JDBC_URL").contains("jdbc:postgresql://postgres:5432/newsflow"), name);
        }
        assertTrue(env("enrich").get("QUARKUS_DATASOURCE_USERNAME").contains("NEWSFLOW_DB_OWNER"), "enrich runs migrations as the owner");
        assertTrue(env("query").get("QUARKUS_DATASOURCE_USERNAME").contains("NEWSFLOW_DB_READER"), "query reads as the reader");
        assertTrue(services.path("ingest").path("volumes").toString().contains(":/data"), "ingest's data folder is a bind mount");
    }

    @Test
    void noPasswordHasADefault() {
        services.fields().forEachRemaining(service -> service.getValue().path("environment").fields().forEachRemaining(e -> {
            if (e.getKey().contains("PASSWORD")) {
                // required (${X:?…}), or passed through by name from deploy/.env (no value at all: unset stays unset)
                assertTrue(e.getValue().isNull() || REQUIRED_VARIABLE.matcher(e.getValue().asText()).lookingAt(),
                        service.getKey() + "." + e.getKey() + " must come from deploy/.env with no default: " + e.getValue());
            }
        }));
    }

    @Test
    void theServiceImagesAreBuiltNeverPulled() {
        // their names are in no registry: without pull_policy, compose would first try to pull them
        for (String name : DeployFiles.SERVICES) {
            assertEquals("build", services.path(name).path("pull_policy").asText(), name);
        }
    }

    @Test
    void postgresAndKafkaStayOffTheHostUnlessTheExposeFileIsAdded() {
        for (String name : List.of("postgres", "kafka")) {
            assertTrue(services.path(name).path("ports").isMissingNode(), name + " is published on the host by default");
        }
        JsonNode expose = DeployFiles.yaml(DeployFiles.deploy().resolve("docker-compose.expose.yml")).path("services");
        assertEquals("127.0.0.1:${NEWSFLOW_POSTGRES_PORT:-5432}:5432", expose.path("postgres").path("ports").get(0).asText());
        assertTrue(expose.path("kafka").path("ports").get(0).asText().startsWith("127.0.0.1:"));
        String advertised = expose.path("kafka").path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
        assertTrue(advertised.contains("PLAINTEXT://kafka:9092") && advertised.contains("127.0.0.1:"),
                "containers keep kafka:9092, host clients get an address they can reach: " + advertised);
    }

    @Test
    void everyPublishedPortNamesItsInterface() {
        JsonNode exposed = DeployFiles.yaml(DeployFiles.deploy().resolve("docker-compose.expose.yml")).path("services");
        List.of(services, exposed).forEach(file -> file.fields().forEachRemaining(service -> service.getValue().path("ports").forEach(port -> {
            String mapping = port.asText();
            assertTrue(mapping.startsWith("127.0.0.1:") || mapping.startsWith("${NEWSFLOW_BIND_ADDRESS:-127.0.0.1}:"),
                    service.getKey() + " publishes " + mapping + " on every interface by default");
        })));
    }

    @Test
    void theEnvExampleSetsEveryRequiredVariable() {
        String example = DeployFiles.read(DeployFiles.deploy().resolve(".env.example"));
        Matcher required = REQUIRED_VARIABLE.matcher(DeployFiles.read(DeployFiles.deploy().resolve("docker-compose.yml")));
        while (required.find()) {
            assertTrue(Pattern.compile("(?m)^" + required.group(1) + "=\\S+").matcher(example).find(),
                    ".env.example does not set " + required.group(1));
        }
    }

    @Test
    void everyVariableAnOperatorCanSetIsDocumentedInTheReadme() {
        String readme = DeployFiles.read(DeployFiles.home().resolve("README.md"));
        Set<String> variables = new TreeSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.expose.yml")) {
            Matcher m = VARIABLE.matcher(DeployFiles.read(DeployFiles.deploy().resolve(file)));
            while (m.find()) {
                variables.add(m.group(1));
            }
        }
        for (String name : DeployFiles.SERVICES) {
            variables.addAll(env(name).keySet());
        }
        List<String> missing = new ArrayList<>();
        for (String variable : variables) {
            if (!readme.contains("`" + variable + "`")) {
                missing.add(variable);
            }
        }
        assertEquals(List.of(), missing, "variables of deploy/docker-compose*.yml missing from README's tables");
    }

    @Test
    void noTopLevelNameSoDockerComposeV1CanReadIt() {
        assertTrue(compose.path("name").isMissingNode());
    }

    private Map<String, String> env(String service) {
        Map<String, String> env = new TreeMap<>();
        services.path(service).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }
}
