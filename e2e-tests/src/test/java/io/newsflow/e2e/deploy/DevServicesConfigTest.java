package io.newsflow.e2e.deploy;

import io.newsflow.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dev Services ({@code ./mvnw quarkus:dev -pl <service>}, where Docker runs) are on in the dev profile
 * only, on the versions the tests run against, and wired so that the three services in dev mode
 * make one pipeline: one shared broker, query reading enrich's database as the read-only role.
 */
class DevServicesConfigTest {

    private final Properties ingest = properties("ingest");
    private final Properties enrich = properties("enrich");
    private final Properties query = properties("query");

    @Test
    void onInDevModeOnlyNeverInTestsOrThePackagedServices() {
        for (Properties service : new Properties[] {ingest, enrich, query}) {
            assertEquals("false", service.getProperty("quarkus.devservices.enabled"));
            assertEquals("false", service.getProperty("quarkus.kafka.devservices.enabled"));
            assertEquals("true", service.getProperty("%dev.quarkus.devservices.enabled"));
            assertEquals("true", service.getProperty("%dev.quarkus.kafka.devservices.enabled"));
            service.stringPropertyNames().stream().filter(key -> key.contains("devservices.enabled"))
                    .filter(key -> service.getProperty(key).equals("true"))
                    .forEach(key -> assertTrue(key.startsWith("%dev."), key + " turns Dev Services on outside dev mode"));
            // a configured broker would be taken for a running one: Dev Services start only without it
            assertEquals("", service.getProperty("%dev.kafka.bootstrap.servers"));
        }
    }

    @Test
    void oneSharedBrokerOfTheKafkaVersionTheTestsRun() {
        String kafkaVersion = TestStack.KAFKA_IMAGE.substring(TestStack.KAFKA_IMAGE.indexOf(':') + 1);
        String image = ingest.getProperty("%dev.quarkus.kafka.devservices.image-name");
        assertTrue(image.endsWith("-kafka-" + kafkaVersion), image + " is not Kafka " + kafkaVersion);
        assertEquals(image, enrich.getProperty("%dev.quarkus.kafka.devservices.image-name"));
        assertEquals(image, query.getProperty("%dev.quarkus.kafka.devservices.image-name"));
    }

    @Test
    void enrichsDevDatabaseIsTheTestedPostgresAndQueryReadsItAsTheReader() {
        assertEquals(TestStack.POSTGRES_IMAGE, enrich.getProperty("%dev.quarkus.datasource.devservices.image-name"));
        assertEquals("", enrich.getProperty("%dev.quarkus.datasource.jdbc.url"), "Dev Services start only without a URL");
        assertEquals(enrich.getProperty("quarkus.datasource.username"), enrich.getProperty("%dev.quarkus.datasource.devservices.username"),
                "the owner role runs the migrations");
        assertEquals(enrich.getProperty("quarkus.datasource.password"), enrich.getProperty("%dev.quarkus.datasource.devservices.password"));
        String url = query.getProperty("%dev.quarkus.datasource.jdbc.url");
        assertEquals("jdbc:postgresql://127.0.0.1:" + enrich.getProperty("%dev.quarkus.datasource.devservices.port") + "/"
                + enrich.getProperty("%dev.quarkus.datasource.devservices.db-name"), url);
        assertEquals("false", query.getProperty("%dev.quarkus.datasource.devservices.enabled"));
        String script = DeployFiles.read(DeployFiles.home().resolve("enrich-service/src/main/resources")
                .resolve(enrich.getProperty("%dev.quarkus.datasource.devservices.init-script-path")));
        assertTrue(script.contains("CREATE ROLE " + query.getProperty("quarkus.datasource.username") + " LOGIN PASSWORD '"
                + query.getProperty("quarkus.datasource.password") + "'"), script);
    }

    private static Properties properties(String service) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(DeployFiles.read(
                    DeployFiles.home().resolve(service + "-service/src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
