package io.newsflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.newsflow.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s read into fabric8's typed Kubernetes model, strictly: a field the API does not know
 * (a typo such as {@code readinesProbe}) fails, as kubeconform's strict mode would (kubeconform
 * is in neither Debian's nor npm's registry). Then what operators rely on: probes, requests and
 * limits, unprivileged containers, and the images the code is tested against.
 */
class KubernetesManifestsTest {

    private static final Map<String, Class<?>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Namespace", Namespace.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "batch/v1/Job", Job.class);

    private final Path k8s = DeployFiles.deploy().resolve("k8s");

    @Test
    void everyManifestIsAKnownKindWithOnlyKnownFields() throws Exception {
        List<Path> manifests = manifests();
        assertFalse(manifests.isEmpty());
        for (Path file : manifests) {
            for (JsonNode document : DeployFiles.yamlDocuments(file)) {
                String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                Class<?> type = KINDS.get(kind);
                assertNotNull(type, file.getFileName() + ": unexpected kind " + kind);
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(DeployFiles.YAML.treeToValue(document, type), kind, unknown);
                assertEquals(List.of(), unknown, file.getFileName() + ": fields the Kubernetes API does not have");
            }
        }
    }

    @Test
    void kustomizationListsEveryManifestButTheSecretExample() {
        JsonNode kustomization = DeployFiles.yaml(k8s.resolve("kustomization.yaml"));
        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(r -> resources.add(r.asText()));
        List<String> files = manifests().stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.equals("secret.example.yaml")).sorted().toList();
        assertEquals(files, resources.stream().filter(r -> r.endsWith(".yaml")).sorted().toList());
        assertTrue(resources.contains("../kafka"), "the topics job's script comes from deploy/kafka's kustomization");
    }

    @Test
    void serviceDeploymentsHaveProbesRequestsLimitsAndRunUnprivileged() throws Exception {
        for (String name : DeployFiles.SERVICES) {
            Deployment deployment = DeployFiles.manifest(name + ".yaml", Deployment.class);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertTrue(pod.getSecurityContext().getRunAsNonRoot(), name);
            Container container = pod.getContainers().get(0);
            assertTrue(container.getImage().startsWith("newsflow/" + name + "-service:"), container.getImage());
            assertProbe(container.getReadinessProbe(), "/q/health/ready", name);
            assertProbe(container.getLivenessProbe(), "/q/health/live", name);
            assertProbe(container.getStartupProbe(), "/q/health/started", name);
            Set<String> required = Set.of("cpu", "memory");
            assertEquals(required, container.getResources().getRequests().keySet(), name + " requests");
            assertEquals(required, container.getResources().getLimits().keySet(), name + " limits");
            assertFalse(container.getSecurityContext().getAllowPrivilegeEscalation(), name);
            assertTrue(container.getSecurityContext().getCapabilities().getDrop().contains("ALL"), name);
        }
    }

    @Test
    void replicasMatchWhatEachServiceCanShare() throws Exception {
        int partitions = Integer.parseInt(DeployFiles.manifest("config.yaml", ConfigMap.class).getData().get("NEWSFLOW_PARTITIONS"));
        int enrich = DeployFiles.manifest("enrich.yaml", Deployment.class).getSpec().getReplicas();
        assertTrue(enrich > 1 && enrich <= partitions, "enrich replicas beyond the partition count would sit idle");
        var ingestVolumes = DeployFiles.manifest("ingest.yaml", Deployment.class).getSpec().getTemplate().getSpec().getVolumes();
        assertTrue(ingestVolumes.stream().anyMatch(v -> v.getPersistentVolumeClaim() != null
                && v.getPersistentVolumeClaim().getClaimName().equals("newsflow-data")), "ingest replicas share one inbox");
        assertEquals(List.of("ReadWriteMany"), DeployFiles.manifest("config.yaml", PersistentVolumeClaim.class).getSpec().getAccessModes());
    }

    @Test
    void theTopicJobRunsTheKafkaImageTheTestsRunAgainst() {
        Container container = DeployFiles.manifest("topics-job.yaml", Job.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(TestStack.KAFKA_IMAGE, container.getImage());
        assertNotNull(container.getResources().getRequests());
    }

    @Test
    void theTopicJobRunsComposesScriptWhichGrowsPartitions() {
        // one copy of the logic: compose's kafka-init and this job both run deploy/kafka/create-topics.sh
        JsonNode generator = DeployFiles.yaml(DeployFiles.deploy().resolve("kafka/kustomization.yaml")).path("configMapGenerator").get(0);
        assertEquals("[\"create-topics.sh\"]", generator.path("files").toString());
        String configMap = generator.path("name").asText();
        var pod = DeployFiles.manifest("topics-job.yaml", Job.class).getSpec().getTemplate().getSpec();
        var volume = pod.getVolumes().stream().filter(v -> v.getConfigMap() != null && configMap.equals(v.getConfigMap().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("the job mounts no " + configMap));
        Container container = pod.getContainers().get(0);
        String mountPath = container.getVolumeMounts().stream().filter(m -> m.getName().equals(volume.getName()))
                .findFirst().orElseThrow().getMountPath();
        assertEquals(List.of("bash", mountPath + "/create-topics.sh"), container.getCommand());
        String script = DeployFiles.read(DeployFiles.deploy().resolve("kafka/create-topics.sh"));
        assertTrue(script.contains("--alter") && script.contains("--partitions \"$partitions\""), "the script grows existing topics");
        assertEquals("newsflow-config", container.getEnvFrom().get(0).getConfigMapRef().getName(),
                "NEWSFLOW_PARTITIONS and the topic names come from the services' ConfigMap");
    }

    private static void assertProbe(Probe probe, String path, String service) {
        assertNotNull(probe, service + " probe " + path);
        assertEquals(path, probe.getHttpGet().getPath(), service);
    }

    private List<Path> manifests() {
        try (Stream<Path> files = Files.list(k8s)) {
            return files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** fabric8 keeps fields it does not know in additionalProperties instead of failing: look there. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) throws Exception {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                collectUnknownFields(item, path + "[]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                collectUnknownFields(e.getValue(), path + "." + e.getKey(), unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) child).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                collectUnknownFields(child, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }

}
