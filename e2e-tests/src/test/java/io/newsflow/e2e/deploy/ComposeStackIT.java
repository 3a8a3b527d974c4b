package io.newsflow.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.e2e.Samples;
import io.newsflow.stack.Ports;
import io.newsflow.stack.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What operators run: deploy/docker-compose.yml as it is, its three images built from this checkout by
 * their Dockerfiles, Kafka and PostgreSQL at the tested versions. The five samples go into the
 * bind-mounted inbox; the query API must answer for them. Needs a Docker engine with compose v2
 * (the docker CLI's {@code docker compose}); without one it is skipped and says why.
 */
class ComposeStackIT {

    private static final String QUERY = "query";
    private static final int QUERY_PORT = 8083;
    /** The images build the modules with Maven inside Docker: the first build downloads the dependencies. */
    private static final Duration BUILD_AND_START = Duration.ofMinutes(20);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ComposeContainer stack;

    @Test
    void theSamplesDroppedIntoTheMountedInboxAreAnsweredByTheQueryApi(@TempDir Path work) throws Exception {
        assumeTrue(TestStack.dockerAnswers(), "no Docker engine: the deployed-stack test needs one (docker info failed)");
        Path data = Files.createDirectories(work.resolve("data"));
        Files.createDirectories(data.resolve("inbox"));
        stack = new ComposeContainer(DeployFiles.deploy().resolve("docker-compose.yml").toFile())
                // its own env file, so that a deploy/.env in this checkout changes nothing here
                .withOptions("--env-file=" + writeEnvFile(work, data))
                .withBuild(true)
                // the services' images exist only once built; kafka and postgres are pulled by up
                .withPull(false)
                .withExposedService(QUERY, QUERY_PORT, Wait.forHttp("/q/health/ready").forStatusCode(200)
                        .withStartupTimeout(BUILD_AND_START))
                .withStartupTimeout(BUILD_AND_START);
        stack.start();
        String query = "http://" + stack.getServiceHost(QUERY, QUERY_PORT) + ":" + stack.getServicePort(QUERY, QUERY_PORT);

        for (String sample : Samples.NAMES) {
            Samples.drop(data.resolve("inbox"), sample, sample);
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get(query, "/api/v1/stats").path("articles").asInt() == Samples.NAMES.size());

        JsonNode stats = get(query, "/api/v1/stats");
        assertEquals(1, stats.path("languages").asInt(), stats.toString());
        assertTrue(stats.path("entities").asInt() > 0, stats.toString());
        List<String> titles = new ArrayList<>();
        get(query, "/api/v1/articles?limit=10").path("items").forEach(a -> titles.add(a.path("title").asText()));
        assertEquals(Samples.NAMES.size(), titles.size(), titles.toString());
        // query reaches ingest (NEWSFLOW_INGEST_URL) and Kafka across compose's network: the backlog drained, nothing failed
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode backlog = get(query, "/api/v1/stats").path("pipeline");
            assertTrue(backlog.path("inboxError").isNull() && backlog.path("kafkaError").isNull(), backlog.toString());
            assertEquals(0, backlog.path("filesWaiting").asInt(-1), backlog.toString());
            assertEquals(0, backlog.path("filesFailed").asInt(-1), backlog.toString());
            assertEquals(0, backlog.path("articlesWaiting").asInt(-1), backlog.toString());
        });
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    /** What an operator's deploy/.env holds, with test passwords, the temporary data folder and free host ports. */
    private static Path writeEnvFile(Path work, Path data) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("POSTGRES_PASSWORD", "compose-it-superuser");
        env.put("NEWSFLOW_DB_OWNER_PASSWORD", "compose-it-owner");
        env.put("NEWSFLOW_DB_READER_PASSWORD", "compose-it-reader");
        env.put("NEWSFLOW_DATA_DIR", data.toString());
        // the containers write the bind-mounted folder as the user running this test
        env.put("NEWSFLOW_UID", Files.getAttribute(data, "unix:uid").toString());
        env.put("NEWSFLOW_GID", Files.getAttribute(data, "unix:gid").toString());
        // never the ports of a ./newsflow run on this machine
        env.put("NEWSFLOW_INGEST_PORTS", String.valueOf(Ports.free()));
        env.put("NEWSFLOW_ENRICH_PORTS", String.valueOf(Ports.free()));
        env.put("NEWSFLOW_QUERY_PORTS", String.valueOf(Ports.free()));
        StringBuilder text = new StringBuilder();
        env.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return Files.writeString(work.resolve("compose-it.env"), text);
    }

    private static JsonNode get(String base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
