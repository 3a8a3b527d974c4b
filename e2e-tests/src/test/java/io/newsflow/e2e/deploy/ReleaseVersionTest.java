package io.newsflow.e2e.deploy;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One version for the repository (CHANGELOG's scheme): the pom, the images compose and Kubernetes run, and the changelog agree. */
class ReleaseVersionTest {

    private static final Pattern POM_VERSION = Pattern.compile("<artifactId>newsflow-parent</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern FIRST_RELEASE_HEADING = Pattern.compile("(?m)^## \\[([^]]+)](?: — (\\S+))?");
    private static final Pattern K8S_IMAGE = Pattern.compile("image: newsflow/(\\w+)-service:(\\S+)");

    private final String version = pomVersion();

    @Test
    void theVersionFollowsTheScheme() {
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), "MAJOR.MINOR.PATCH[-SNAPSHOT]: " + version);
    }

    @Test
    void composeBuildsImagesTaggedWithIt() {
        DeployFiles.compose().path("services").fields().forEachRemaining(service -> {
            String image = service.getValue().path("image").asText();
            if (image.startsWith("newsflow/")) {
                assertTrue(image.endsWith(":${NEWSFLOW_VERSION:-" + version + "}"), service.getKey() + ": " + image);
            }
        });
    }

    @Test
    void kubernetesRunsImagesTaggedWithIt() {
        int images = 0;
        for (String name : DeployFiles.SERVICES) {
            Matcher image = K8S_IMAGE.matcher(DeployFiles.read(DeployFiles.deploy().resolve("k8s").resolve(name + ".yaml")));
            assertTrue(image.find(), name + ".yaml names no newsflow image");
            assertEquals(version, image.group(2), name + ".yaml");
            images++;
        }
        assertEquals(DeployFiles.SERVICES.size(), images);
    }

    @Test
    void theChangelogOpensWithThisVersion() {
        Matcher heading = FIRST_RELEASE_HEADING.matcher(DeployFiles.read(DeployFiles.home().resolve("CHANGELOG.md")));
        assertTrue(heading.find(), "CHANGELOG.md has no '## [version]' heading");
        if (version.endsWith("-SNAPSHOT")) {
            // an unreleased build: its changes are gathered under Unreleased, naming the version they will ship as
            assertEquals("Unreleased", heading.group(1));
            assertEquals(version.replace("-SNAPSHOT", ""), heading.group(2), "the version Unreleased will become");
        } else {
            assertEquals(version, heading.group(1), "a release's own entry comes first");
        }
    }

    private static String pomVersion() {
        Matcher m = POM_VERSION.matcher(DeployFiles.read(DeployFiles.home().resolve("pom.xml")));
        assertTrue(m.find(), "root pom.xml names no version");
        return m.group(1);
    }
}
