package io.newsflow.e2e.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' Dockerfiles, read instruction by instruction (hadolint is in neither Debian's nor
 * npm's registry): pinned Java 17 bases, a build stage, and a runtime stage that runs unprivileged.
 */
class DockerfilesTest {

    private static final Pattern PINNED_TEMURIN = Pattern.compile("eclipse-temurin:17\\.\\d+\\.\\d+_\\d+-(jdk|jre)");

    record Instruction(String keyword, String arguments) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-service", "enrich-service", "query-service"})
    void multiStageJvmImageRunningAsANonRootUser(String module) throws Exception {
        Path dockerfile = DeployFiles.home().resolve(module).resolve("src/main/docker/Dockerfile.jvm");
        List<Instruction> instructions = parse(DeployFiles.read(dockerfile));

        List<Instruction> froms = instructions.stream().filter(i -> i.keyword().equals("FROM")).toList();
        assertEquals(2, froms.size(), "a build stage and a runtime stage");
        for (Instruction from : froms) {
            String image = from.arguments().split("\\s+")[0];
            assertTrue(PINNED_TEMURIN.matcher(image).matches(), "base image not pinned to a Java 17 release: " + image);
        }
        assertTrue(froms.get(0).arguments().contains("-jdk") && froms.get(0).arguments().endsWith(" AS build"));
        assertTrue(froms.get(1).arguments().contains("-jre"), "the runtime stage needs only a JRE");

        List<Instruction> runtime = instructions.subList(instructions.indexOf(froms.get(1)), instructions.size());
        assertTrue(instructions.stream().anyMatch(i -> i.keyword().equals("RUN") && i.arguments().contains("./mvnw")
                && i.arguments().contains("-pl " + module)), "the build stage builds this module with the wrapper");
        assertTrue(runtime.stream().anyMatch(i -> i.keyword().equals("COPY") && i.arguments().contains("--from=build")
                && i.arguments().contains(module + "/target/quarkus-app/")), "the runtime stage copies the fast-jar");

        List<Instruction> users = runtime.stream().filter(i -> i.keyword().equals("USER")).toList();
        assertFalse(users.isEmpty(), "the runtime stage must set USER");
        String user = users.get(users.size() - 1).arguments().split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "runs as root");

        Properties config = new Properties();
        try (var in = java.nio.file.Files.newInputStream(DeployFiles.home().resolve(module).resolve("src/main/resources/application.properties"))) {
            config.load(in);
        }
        String port = config.getProperty("quarkus.http.port");
        assertTrue(runtime.stream().anyMatch(i -> i.keyword().equals("EXPOSE") && i.arguments().equals(port)),
                "EXPOSE must match quarkus.http.port " + port);
        assertTrue(runtime.stream().anyMatch(i -> i.keyword().equals("ENTRYPOINT") && i.arguments().startsWith("[")),
                "exec-form ENTRYPOINT, so the JVM receives the stop signal");
    }

    /** Joins continuation lines, drops comments and parser directives, splits keyword from arguments. */
    static List<Instruction> parse(String dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            Matcher m = Pattern.compile("([A-Za-z]+)\\s+(.*)", Pattern.DOTALL).matcher(current.toString().strip());
            if (m.matches()) {
                instructions.add(new Instruction(m.group(1).toUpperCase(java.util.Locale.ROOT), m.group(2).strip().replaceAll("\\s+", " ")));
            }
            current.setLength(0);
        }
        return instructions;
    }
}
