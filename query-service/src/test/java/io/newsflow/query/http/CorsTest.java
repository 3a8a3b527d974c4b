package io.newsflow.query.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A browser dashboard on an origin the operator named can poll with ETags; other origins get no grant. */
@QuarkusTest
@TestProfile(CorsTest.DashboardOrigin.class)
class CorsTest {

    public static class DashboardOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", "https://dash.example.org");
        }
    }

    @Test
    void theNamedOriginMayReadTheAnswerAndItsETag() {
        given().header("Origin", "https://dash.example.org").get("/api/v1/stats").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://dash.example.org"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void aPreflightForAConditionalGetIsAllowed() {
        given().header("Origin", "https://dash.example.org").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .options("/api/v1/timeline").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://dash.example.org"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"));
    }

    @Test
    void anotherOriginGetsNoGrant() {
        given().header("Origin", "https://elsewhere.example").get("/api/v1/stats").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
