package io.newsflow.ingest.http;

import io.newsflow.web.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(ApiKeyTest.WithKey.class)
class ApiKeyTest {

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsflow.api-key", "s3cret-key");
        }
    }

    @Test
    void withoutTheKeyTheApiAnswers401AndHealthStaysOpen() {
        given().contentType(ContentType.JSON).body("{\"body\":\"x\"}").post("/api/v1/articles")
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE).body("reason", equalTo("api-key"));
        given().header("X-API-Key", "wrong").contentType(ContentType.JSON).body("{\"body\":\"x\"}").post("/api/v1/articles")
                .then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theKeyAsHeaderOrBearerTokenIsLetThrough() {
        given().header("X-API-Key", "s3cret-key").contentType(ContentType.JSON).body("{\"body\":\"Keyed article.\"}")
                .post("/api/v1/articles").then().statusCode(202);
        given().header("Authorization", "Bearer s3cret-key").contentType(ContentType.JSON).body("{\"body\":\"Bearer article.\"}")
                .post("/api/v1/articles").then().statusCode(202);
    }
}
