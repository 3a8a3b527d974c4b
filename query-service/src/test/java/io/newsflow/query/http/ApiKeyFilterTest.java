package io.newsflow.query.http;

import io.newsflow.query.WithApiKey;
import io.newsflow.web.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.newsflow.query.Problems.assertProblem;
import static io.restassured.RestAssured.given;

@QuarkusTest
@TestProfile(WithApiKey.class)
class ApiKeyFilterTest {

    private static final String KEY = WithApiKey.KEY;

    @Test
    void requestWithoutTheKeyIsRefusedWithAProblem() {
        assertProblem(given().get("/api/v1/stats").then(), 401, "/api/v1/stats", ApiKeys.HEADER);
    }

    @Test
    void requestWithAWrongKeyIsRefused() {
        assertProblem(given().header(ApiKeys.HEADER, KEY + "x").get("/api/v1/articles").then(), 401, "/api/v1/articles", ApiKeys.HEADER);
    }

    @Test
    void theKeyIsCheckedBeforeTheParameters() {
        assertProblem(given().queryParam("limit", "0").get("/api/v1/articles").then(), 401, "/api/v1/articles", ApiKeys.HEADER);
    }

    @Test
    void requestWithTheKeyIsAnswered() {
        given().header(ApiKeys.HEADER, KEY).get("/api/v1/stats").then().statusCode(200);
    }

    @Test
    void probesMetricsAndOpenApiNeedNoKey() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
