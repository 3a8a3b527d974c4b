package io.newsflow.query;

import io.restassured.response.ValidatableResponse;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** What every error answer must look like: RFC 9457 problem+json that names the fault and leaks no internals. */
public final class Problems {

    private Problems() {
    }

    public static ValidatableResponse assertProblem(ValidatableResponse response, int status, String path, String mentioned) {
        return response
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("status", equalTo(status))
                .body("instance", equalTo(path))
                .body("detail", containsString(mentioned))
                .body(allOf(not(containsString("Exception")), not(containsString("java.")),
                        not(containsString("io.newsflow")), not(containsString("\tat "))));
    }
}
