package io.newsflow.enrich.failure;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.RawTopicProducer;
import io.newsflow.enrich.TestDatabase;
import io.newsflow.events.ArticleRawV1;
import io.newsflow.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.newsflow.enrich.RawTopicProducer.event;
import static io.newsflow.enrich.TestDatabase.execute;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transient failures against the real database and broker: a trigger refuses an article with a real
 * PostgreSQL serialization failure (40001) while a switch is on, as a busy database would.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class FailurePolicyTest {

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void installFaults() throws Exception {
        execute("""
                CREATE TABLE IF NOT EXISTS test_fault (busy boolean NOT NULL);
                CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.title = 'Busy database' AND EXISTS (SELECT 1 FROM test_fault WHERE busy) THEN
                    RAISE EXCEPTION 'could not serialize access due to concurrent update' USING ERRCODE = '40001';
                  END IF;
                  RETURN NEW;
                END $$;
                DROP TRIGGER IF EXISTS test_fault ON article;
                CREATE TRIGGER test_fault BEFORE INSERT ON article FOR EACH ROW EXECUTE FUNCTION test_fault();
                """);
    }

    @AfterEach
    void removeFaults() throws Exception {
        execute("DROP TRIGGER IF EXISTS test_fault ON article; DELETE FROM test_fault;");
    }

    @Test
    void aTransientFailureIsWaitedOutWithoutLimitAndReadinessSaysWhatFor() throws Exception {
        execute("INSERT INTO test_fault VALUES (true)");
        double waitsBefore = count("newsflow.enrich.transient.waits");
        double deadBefore = count("newsflow.enrich.dead.letters");
        ArticleRawV1 event = event("Busy database", "The store is refused while the database is busy, then accepted.");
        try (RawTopicProducer producer = new RawTopicProducer()) {
            producer.send(event);
        }
        // Well past the five attempts after which the record used to be dead-lettered: nothing is given up.
        await().atMost(Duration.ofSeconds(60)).until(() -> count("newsflow.enrich.transient.waits") - waitsBefore >= 8);
        JsonPath ready = RestAssured.given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertEquals("lock", ready.getString("checks.find { it.name == 'enrichment' }.data.waitingFor"));
        assertTrue(ready.getString("checks.find { it.name == 'enrichment' }.data.lastFailure").contains("serialize"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM article WHERE id = ?", event.articleId()));

        execute("DELETE FROM test_fault");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("SELECT count(*) FROM article WHERE id = ?", event.articleId()) == 1);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        assertEquals(deadBefore, count("newsflow.enrich.dead.letters"), "nothing dead-lettered");
    }



    double count(String counter) {
        return metrics.find(counter).counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
