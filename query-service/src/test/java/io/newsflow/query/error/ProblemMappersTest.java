package io.newsflow.query.error;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.newsflow.query.Problems.assertProblem;
import static io.restassured.RestAssured.given;

/** Errors the framework raises before any resource code runs must look like the service's own. */
@QuarkusTest
class ProblemMappersTest {

    @Test
    void unknownPathIsA404Problem() {
        assertProblem(given().get("/api/v1/nothing-here").then(), 404, "/api/v1/nothing-here", "No resource");
    }

    @Test
    void otherMethodsAreA405Problem() {
        assertProblem(given().post("/api/v1/stats").then(), 405, "/api/v1/stats", "POST");
    }
}
