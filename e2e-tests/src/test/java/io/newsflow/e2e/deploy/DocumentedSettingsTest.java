package io.newsflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every setting README documents for a service reaches that service's containers, in compose and
 * on Kubernetes, and deploy/ sets nothing on a service that README does not document for it.
 * README's Configuration tables are the one list; adding a setting there without passing it (or
 * passing one without documenting it) fails here.
 */
class DocumentedSettingsTest {

    /** The prefixes of the services' own settings: anything deploy/ sets under them must be documented. */
    private static final Pattern SETTING = Pattern.compile("(NEWSFLOW|KAFKA|QUARKUS)_[A-Z0-9_]+");
    /** Settings whose values are credentials: Kubernetes takes them from the Secret, never the ConfigMap. */
    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|API_KEY|JAAS).*");

    /** Documented, and deliberately not set by the compose file. */
    private static final Map<String, String> NOT_IN_COMPOSE = Map.of(
            "QUARKUS_HTTP_PORT", "fixed by each image (its Dockerfile's ENV); the health check and the port mapping name that port",
            "NEWSFLOW_INSTANCE_ID", "unset, so each container draws its own: replicas scaled with --scale share one environment");
    /** Documented, and deliberately not set by the Kubernetes Deployments. */
    private static final Map<String, String> NOT_IN_KUBERNETES = Map.of(
            "QUARKUS_HTTP_PORT", "fixed by each image; the probes, the Service and the scrape annotation name that port");
    /** Set on Kubernetes as a literal rather than from newsflow-config: where the pod mounts the data volume. */
    private static final Map<String, String> KUBERNETES_LITERALS = Map.of("NEWSFLOW_DATA_DIR", "/data");

    private final ReadmeSettings readme = ReadmeSettings.fromRepository();
    private final JsonNode services = DeployFiles.compose().path("services");
    private final Path k8s = DeployFiles.deploy().resolve("k8s");

    @Test
    void readmesTablesAreReadAsTheyAreWritten() {
        // the parser itself: a table it could not read would make every check below vacuous
        Map<String, String> ingest = readme.forService("ingest");
        assertEquals("60s", ingest.get("NEWSFLOW_INBOX_PUBLISH_TIMEOUT"));
        assertEquals("104857600", ingest.get("NEWSFLOW_INBOX_ZIP_MAX_TOTAL_BYTES"));
        assertEquals("false", ingest.get("NEWSFLOW_LOG_JSON"), "the Every service rows apply to each service");
        assertTrue(ingest.containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION"), "the Kafka client variables apply to each service");
        assertTrue(readme.forService("enrich").containsKey("NEWSFLOW_THEMES_FILE"));
        assertTrue(readme.forService("query").containsKey("QUARKUS_HTTP_CORS_ORIGINS"));
        assertTrue(!ingest.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "ingest has no database");
    }

    @Test
    void everyDocumentedSettingReachesTheComposeServices() {
        for (String service : DeployFiles.SERVICES) {
            Set<String> missing = new TreeSet<>(readme.forService(service).keySet());
            missing.removeAll(NOT_IN_COMPOSE.keySet());
            missing.removeAll(composeEnvironment(service).keySet());
            assertEquals(Set.of(), missing, service + ": documented in README, not passed by deploy/docker-compose.yml");
        }
    }

    @Test
    void everyDocumentedSettingReachesTheKubernetesDeployments() {
        for (String service : DeployFiles.SERVICES) {
            Set<String> missing = new TreeSet<>(readme.forService(service).keySet());
            missing.removeAll(NOT_IN_KUBERNETES.keySet());
            missing.removeAll(kubernetesEnvironment(service).keySet());
            assertEquals(Set.of(), missing, service + ": documented in README, not passed by deploy/k8s/" + service + ".yaml");
        }
    }

    @Test
    void composeSetsNothingReadmeDoesNotDocumentForTheService() {
        for (String service : DeployFiles.SERVICES) {
            assertEquals(Set.of(), undocumented(service, composeEnvironment(service).keySet()),
                    service + ": set by deploy/docker-compose.yml, not documented for it in README");
        }
    }

    @Test
    void kubernetesSetsNothingReadmeDoesNotDocumentForTheService() {
        for (String service : DeployFiles.SERVICES) {
            assertEquals(Set.of(), undocumented(service, kubernetesEnvironment(service).keySet()),
                    service + ": set by deploy/k8s/" + service + ".yaml, not documented for it in README");
        }
    }

    @Test
    void kubernetesTakesValuesFromTheConfigMapAndCredentialsFromTheSecret() {
        Map<String, String> config = DeployFiles.manifest("config.yaml", ConfigMap.class).getData();
        String configText = DeployFiles.read(k8s.resolve("config.yaml"));
        Secret secret = DeployFiles.manifest("secret.example.yaml", Secret.class);
        String secretText = DeployFiles.read(k8s.resolve("secret.example.yaml"));
        List<String> wrong = new ArrayList<>();
        for (String service : DeployFiles.SERVICES) {
            kubernetesEnvironment(service).forEach((name, env) -> {
                var from = env.getValueFrom();
                String where = service + "." + name;
                if (KUBERNETES_LITERALS.containsKey(name)) {
                    check(KUBERNETES_LITERALS.get(name).equals(env.getValue()), where + " is " + KUBERNETES_LITERALS.get(name), wrong);
                } else if (from == null) {
                    wrong.add(where + " has a literal value: put it in newsflow-config");
                } else if (from.getFieldRef() != null) {
                    check(name.equals("NEWSFLOW_INSTANCE_ID"), where + " only the instance id comes from the pod", wrong);
                } else if (from.getSecretKeyRef() != null) {
                    var ref = from.getSecretKeyRef();
                    check("newsflow-secrets".equals(ref.getName()), where + " names newsflow-secrets", wrong);
                    boolean optional = Boolean.TRUE.equals(ref.getOptional());
                    check(optional ? secretText.contains(ref.getKey() + ":") : secret.getStringData().containsKey(ref.getKey()),
                            where + ": key " + ref.getKey() + " is not in secret.example.yaml", wrong);
                } else {
                    var ref = from.getConfigMapKeyRef();
                    check(!SECRET.matcher(name).matches(), where + " is a credential: take it from newsflow-secrets", wrong);
                    check("newsflow-config".equals(ref.getName()), where + " names newsflow-config", wrong);
                    boolean optional = Boolean.TRUE.equals(ref.getOptional());
                    // an optional key may be left out, but config.yaml still shows it (commented) to operators
                    check(optional ? Pattern.compile("(?m)^  (# )?" + ref.getKey() + ":").matcher(configText).find()
                                    : config.containsKey(ref.getKey()),
                            where + ": key " + ref.getKey() + " is not in config.yaml", wrong);
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void composePassesNoSettingAsAnEmptyValue() {
        // Quarkus reads an empty value as missing: a required setting then stops the start (SRCFG00040)
        // and the Kafka client gets an empty security.protocol. Unset must stay unset. Only the API keys
        // are optional strings for which empty means "no key".
        Pattern emptyDefault = Pattern.compile("\\$\\{[A-Z0-9_]+:-}");
        List<String> empty = new ArrayList<>();
        for (String service : DeployFiles.SERVICES) {
            composeEnvironment(service).forEach((name, value) -> {
                if (value != null && emptyDefault.matcher(value).find() && !name.contains("API_KEY")) {
                    empty.add(service + "." + name + ": " + value);
                }
            });
        }
        Set<String> settings = new TreeSet<>();
        DeployFiles.SERVICES.forEach(service -> settings.addAll(readme.forService(service).keySet()));
        for (String line : DeployFiles.read(DeployFiles.deploy().resolve(".env.example")).split("\n")) {
            String name = line.split("=", 2)[0];
            if (line.endsWith("=") && settings.contains(name)) {
                empty.add(".env.example: " + line);
            }
        }
        assertEquals(List.of(), empty);
    }

    @Test
    void ingestIsGivenLongerToStopThanItsDrainTakes() {
        Duration drain = duration(readme.forService("ingest").get("NEWSFLOW_INBOX_PUBLISH_TIMEOUT"));
        Duration compose = duration(services.path("ingest").path("stop_grace_period").asText());
        assertTrue(compose.compareTo(drain) > 0, "compose's stop_grace_period " + compose + " must outlast the drain " + drain);
        long kubernetes = pod("ingest").getTerminationGracePeriodSeconds();
        assertTrue(kubernetes > drain.toSeconds(), "terminationGracePeriodSeconds " + kubernetes + " must outlast the drain " + drain);
    }

    @Test
    void theThemesFileHasAVolumeInComposeAndOnKubernetes() {
        String example = "/config/themes.json";
        assertTrue(services.path("enrich").path("volumes").toString().contains("./config:/config:ro"),
                "compose mounts deploy/config read-only at /config");
        assertTrue(DeployFiles.read(DeployFiles.deploy().resolve(".env.example")).contains("NEWSFLOW_THEMES_FILE=" + example));
        PodSpec pod = pod("enrich");
        var volume = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null
                && "newsflow-themes".equals(v.getConfigMap().getName())).findFirst().orElseThrow();
        assertTrue(volume.getConfigMap().getOptional(), "without a taxonomy of its own, enrich starts on the built-in one");
        assertTrue(pod.getContainers().get(0).getVolumeMounts().stream()
                .anyMatch(m -> m.getName().equals(volume.getName()) && m.getMountPath().equals("/config") && m.getReadOnly()));
        assertTrue(DeployFiles.read(k8s.resolve("config.yaml")).contains("NEWSFLOW_THEMES_FILE: " + example));
    }

    private Set<String> undocumented(String service, Set<String> set) {
        Set<String> undocumented = new TreeSet<>();
        for (String name : set) {
            if (SETTING.matcher(name).matches() && !readme.forService(service).containsKey(name)) {
                undocumented.add(name);
            }
        }
        return undocumented;
    }

    /** The service's environment as compose resolves its merge keys; a pass-through name has a null value. */
    private Map<String, String> composeEnvironment(String service) {
        Map<String, String> env = new TreeMap<>();
        services.path(service).path("environment").fields()
                .forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        assertTrue(!env.isEmpty(), service + " has no environment in deploy/docker-compose.yml");
        return env;
    }

    private Map<String, EnvVar> kubernetesEnvironment(String service) {
        Map<String, EnvVar> env = new TreeMap<>();
        pod(service).getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private PodSpec pod(String service) {
        return DeployFiles.manifest(service + ".yaml", Deployment.class).getSpec().getTemplate().getSpec();
    }

    private static Duration duration(String value) {
        return Duration.parse("PT" + value.toUpperCase());
    }

    private static void check(boolean condition, String message, List<String> failures) {
        if (!condition) {
            failures.add(message);
        }
    }
}
