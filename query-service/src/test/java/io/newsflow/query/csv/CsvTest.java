package io.newsflow.query.csv;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.newsflow.query.Problems.assertProblem;
import static io.newsflow.query.StoredArticles.article;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CsvTest {

    @BeforeEach
    void newsroom() {
        StoredArticles.clear();
        Newsroom.store();
    }

    @Test
    void timelinesAreCsvByParameterOrAcceptHeader() {
        String expected = "start,count\r\n2024-06-20T00:00:00Z,4\r\n2024-06-21T00:00:00Z,1\r\n";
        given().queryParam("format", "csv").queryParam("interval", "1d").get("/api/v1/timeline").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(equalTo(expected));
        given().accept("text/csv").queryParam("interval", "1d").get("/api/v1/timeline").then().statusCode(200)
                .body(equalTo(expected));
        given().queryParam("format", "csv").queryParam("interval", "1d").queryParam("groupBy", "language")
                .get("/api/v1/timeline").then().statusCode(200).body(equalTo("key,start,count\r\n"
                        + "en,2024-06-20T00:00:00Z,3\r\nen,2024-06-21T00:00:00Z,0\r\n"
                        + "de,2024-06-20T00:00:00Z,0\r\nde,2024-06-21T00:00:00Z,1\r\n"
                        + "ko,2024-06-20T00:00:00Z,1\r\nko,2024-06-21T00:00:00Z,0\r\n"));
    }

    @Test
    void topListsAreCsvWithOneColumnPerField() {
        given().queryParam("format", "csv").get("/api/v1/entities/top").then().statusCode(200)
                .body(equalTo("id,name,type,articles\r\nperson/kim-jong-un,Kim Jong Un,PERSON,4\r\n"
                        + "organization/united-nations,United Nations,ORGANIZATION,3\r\nlocation/pyongyang,Pyongyang,LOCATION,2\r\n"));
        given().queryParam("format", "csv").get("/api/v1/themes/top").then().statusCode(200)
                .body(equalTo("theme,articles\r\nARMEDCONFLICT,3\r\nSANCTIONS,2\r\n"));
        given().queryParam("format", "csv").get("/api/v1/languages").then().statusCode(200)
                .body(equalTo("language,articles\r\nen,3\r\nde,1\r\nko,1\r\n"));
        given().queryParam("format", "csv").queryParam("limit", 1).get("/api/v1/entities/" + Newsroom.KIM + "/related").then()
                .statusCode(200).body(equalTo("id,name,type,articles\r\nlocation/pyongyang,Pyongyang,LOCATION,2\r\n"));
        given().queryParam("format", "json").get("/api/v1/languages").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void textIsQuotedAndFormulasDefused() {
        StoredArticles.store(article("csv1", "x", "y", Instant.parse("2024-06-23T00:00:00Z")).source("=HYPERLINK(\"http://evil\",\"a, b\")"));
        given().queryParam("format", "csv").queryParam("from", "2024-06-22T12:00:00Z").get("/api/v1/sources/top").then()
                .statusCode(200).body(equalTo("source,articles\r\n\"'=HYPERLINK(\"\"http://evil\"\",\"\"a, b\"\")\",1\r\n"));
    }

    @Test
    void csvOnlyWhereTablesAreAnsweredAndFormatIsChecked() {
        assertProblem(given().queryParam("format", "xml").get("/api/v1/timeline").then(), 400, "/api/v1/timeline", "'format'");
        assertProblem(given().queryParam("format", "csv").get("/api/v1/articles").then(), 406, "/api/v1/articles", "Accept");
        assertProblem(given().accept("text/csv").get("/api/v1/stats").then(), 406, "/api/v1/stats", "Accept");
    }
}
