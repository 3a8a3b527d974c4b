package io.newsflow.query.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The published OpenAPI document describes every query endpoint with its parameters and an example answer. */
@QuarkusTest
class OpenApiTest {

    @ParameterizedTest
    @CsvSource({"/api/v1/articles, q", "/api/v1/timeline, groupBy", "/api/v1/entities/top, type",
            "/api/v1/entities/{id}/related, type", "/api/v1/themes/top, limit", "/api/v1/languages, limit",
            "/api/v1/sources/top, limit", "/api/v1/duplicates, limit"})
    void endpointIsDescribedWithFiltersAndAnExample(String path, String ownParameter) {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> get = document.getMap("paths.'" + path + "'.get");
        assertThat(path + " is documented", get, notNullValue());
        assertThat((String) get.get("description"), not(emptyOrNullString()));
        List<String> parameters = document.getList("paths.'" + path + "'.get.parameters.name");
        assertThat(parameters, hasItems("from", "to", "language", "source", "theme", "entity", ownParameter));
        for (Map<String, Object> parameter : document.<Map<String, Object>>getList("paths.'" + path + "'.get.parameters")) {
            assertThat(path + " " + parameter.get("name"), (String) parameter.get("description"), not(emptyOrNullString()));
        }
        Map<String, Object> examples = document.getMap("paths.'" + path + "'.get.responses.'200'.content.'application/json'.examples");
        assertThat(path + " has an example answer", examples, notNullValue());
    }
}
