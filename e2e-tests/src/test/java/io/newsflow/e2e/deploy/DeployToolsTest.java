package io.newsflow.e2e.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deploy/ files through the tools operators' own machines would apply: docker-compose v1
 * (Debian's {@code docker-compose}) resolves and validates the compose file, dclint checks it
 * against the Compose Specification schema and its rules, shellcheck reads the scripts the
 * containers run, promtool (Debian's {@code prometheus}) loads Prometheus' configuration and alert rules. .ci/run installs the tools; on a developer machine without them these tests
 * are skipped, under CI=true a missing tool fails.
 */
class DeployToolsTest {

    /** The version .ci/run installs and these checks were written against. */
    static final String DCLINT = "dclint@3.1.0";

    @Test
    void dockerComposeAcceptsTheFileWithTheExampleEnvironment() {
        requireTool("docker-compose", "apt-get install docker-compose");
        Result result = run("docker-compose", "-f", "deploy/docker-compose.yml", "--env-file", "deploy/.env.example",
                "--profile", "observability", "config", "-q");
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void dockerComposeAcceptsTheExposeOverride() {
        requireTool("docker-compose", "apt-get install docker-compose");
        Result result = run("docker-compose", "-f", "deploy/docker-compose.yml", "-f", "deploy/docker-compose.expose.yml",
                "--env-file", "deploy/.env.example", "config");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("127.0.0.1:5432:5432"), result.output());
    }

    @Test
    void kustomizeBuildsTheKubernetesManifestsWithTheTopicsScript() {
        // Debian has no current kubectl, so .ci/run does not install it: where it is missing this is skipped, also on CI
        // (KubernetesManifestsTest reads the same files without it).
        assumeTrue(toolPresent("kubectl"), "kubectl is not installed; skipping kustomize's own build of deploy/k8s");
        // kustomize reads files only below a kustomization: this proves ../kafka's generator is accepted
        Result result = run("kubectl", "kustomize", "deploy/k8s");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("name: newsflow-topics-script") && result.output().contains("--alter"), result.output());
    }

    @Test
    void dockerComposeRefusesToStartWithoutThePasswords() throws IOException {
        requireTool("docker-compose", "apt-get install docker-compose");
        // An empty env file stands in for a missing deploy/.env: no password may fall back to a default.
        Path empty = Files.createTempFile("newsflow-empty", ".env");
        Result result = run("docker-compose", "-f", "deploy/docker-compose.yml", "--env-file", empty.toString(), "config", "-q");
        Files.delete(empty);
        assertTrue(result.exitCode() != 0 && result.output().contains("PASSWORD"), result.output());
    }

    @Test
    void dclintFindsNoSchemaErrorOrWarning() {
        requireTool("npx", "apt-get install npm");
        Result result = run("npx", "--yes", DCLINT, "-c", "deploy/.dclintrc.yml", "--max-warnings", "0",
                "deploy/docker-compose.yml", "deploy/docker-compose.expose.yml");
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void shellcheckFindsNothingInTheContainerScripts() {
        requireTool("shellcheck", "apt-get install shellcheck");
        Result result = run("shellcheck", "deploy/kafka/create-topics.sh", "deploy/postgres/init-roles.sh");
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void promtoolAcceptsTheConfigurationAndTheAlertRules() {
        requireTool("promtool", "apt-get install prometheus");
        // The configuration check also loads the rule files it names, as Prometheus does at start.
        Result result = run("promtool", "check", "config", "deploy/prometheus/prometheus.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS: 5 rules found"), result.output());
    }

    record Result(int exitCode, String output) {
    }

    private static boolean toolPresent(String tool) {
        return run("sh", "-c", "command -v " + tool).exitCode() == 0;
    }

    private static void requireTool(String tool, String install) {
        boolean present = toolPresent(tool);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(tool + " is missing on CI; .ci/run should have installed it (" + install + ")");
        }
        assumeTrue(present, tool + " is not installed (" + install + "); skipping this offline check");
    }

    private static Result run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(args).directory(DeployFiles.home().toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", args) + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
