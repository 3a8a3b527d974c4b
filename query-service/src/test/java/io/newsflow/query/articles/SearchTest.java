package io.newsflow.query.articles;

import io.newsflow.query.StoredArticles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.newsflow.query.Problems.assertProblem;
import static io.newsflow.query.StoredArticles.article;
import static io.newsflow.query.StoredArticles.idOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Search in each article's language: other forms of a word, other letter cases, and CJK words inside sentences. */
@QuarkusTest
class SearchTest {

    private static final Instant NOON = Instant.parse("2024-06-20T12:00:00Z");

    @BeforeEach
    void emptyStore() {
        StoredArticles.clear();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "en | The EU imposed new sanctions on Moscow after the talks failed.          | sanction",
            "de | Die Regierung verhängte am Montag neue Sanktionen gegen Moskau.          | Sanktion",
            "fr | Les ministres ont annoncé de nouvelles sanctions économiques.            | sanction",
            "es | El gobierno anunció nuevas sanciones contra Moscú.                       | sanción",
            "it | Il governo ha approvato nuove sanzioni contro Mosca.                     | sanzione",
            "pt | Os ministros do governo anunciaram novas medidas contra Moscou.          | ministro",
            "nl | De regeringen van Europa kondigden nieuwe maatregelen aan.               | regering",
            "sv | Regeringen införde nya sanktioner mot Moskva.                            | sanktion",
            "ru | Переговоры Путина и Ким Чен Ына прошли в Пхеньяне.                       | путин",
            "ru | Переговоры Путина и Ким Чен Ына прошли в Пхеньяне.                       | ПЕРЕГОВОРАХ",
            "tr | İstanbul'daki görüşmelere Rusya ve Ukrayna'dan heyetler katılacak.       | görüşmeler",
            "ar | فرضت الحكومة عقوبات جديدة على موسكو                                      | حكومة",
            "el | Η κυβέρνηση ανακοίνωσε νέες κυρώσεις κατά της Μόσχας.                    | ΚΥΡΏΣΕΙΣ",
            "uk | Переговори відбулися у Києві в четвер.                                   | києві",
            "zh | 俄罗斯总统普京与朝鲜领导人金正恩在平壤举行会谈。                           | 普京",
            "zh | 俄罗斯总统普京与朝鲜领导人金正恩在平壤举行会谈。                           | 金正恩",
            "zh | 俄罗斯总统普京与朝鲜领导人金正恩在平壤举行会谈。                           | \"总统普京\"",
            "ja | プーチン大統領と金正恩総書記が平壌で会談した。                               | 大統領",
            "ko | 푸틴 대통령은 평양에서 김정은 위원장과 회담했다.                             | 평양",
    })
    void aWordFindsItsOtherFormsInTheArticlesLanguage(String language, String body, String query) {
        StoredArticles.store(
                article("match", null, body, NOON).language(language),
                article("other", "Cup final", "A late goal decided the match; 习近平 was not there.", NOON.plusSeconds(60)));

        given().queryParam("q", query).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("match")));
    }

    @Test
    void aChineseWordIsNotFoundInsideAnotherWord() {
        StoredArticles.store(article("zh", null, "俄罗斯总统普京与朝鲜领导人金正恩在平壤举行会谈。", NOON).language("zh"));

        given().queryParam("q", "总理").get("/api/v1/articles").then().statusCode(200).body("items", empty());
        given().queryParam("q", "普京 -金正恩").get("/api/v1/articles").then().statusCode(200).body("items", empty());
        given().queryParam("q", "普京 OR 总理").get("/api/v1/articles").then().statusCode(200).body("items.id", contains(idOf("zh")));
    }

    @Test
    void relevanceRanksTheBestMatchFirstAndPagesInThatOrder() {
        StoredArticles.store(
                article("passing", "Markets", "Oil rose; sanctions were mentioned once.", NOON),
                article("about", "Sanctions on sanctions", "New sanctions, and sanctions again, dominate the summit on sanctions.", NOON.plusSeconds(60)),
                article("middle", "Trade", "The sanctions debate and the sanctions vote.", NOON.plusSeconds(120)),
                article("unrelated", "Weather", "Rain in Geneva.", NOON.plusSeconds(180)));

        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", "sanction").queryParam("sort", "relevance").queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/articles").then().statusCode(200).extract().response();
            order.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(List.of(idOf("about"), idOf("middle"), idOf("passing")), order);
        given().queryParam("q", "sanction").get("/api/v1/articles").then().statusCode(200)
                .body("items.id", contains(idOf("middle"), idOf("about"), idOf("passing")));
    }

    /**
     * A search's newest page first walks the newest articles (ArticleRepository.WALKED_PER_ROW per row asked) and asks the
     * index only when that leaves the page short: with limit 2, the walk covers 100 articles, so a word in every tenth
     * article is paged by walking, and the last page and an old word by the index. Both give the same answers.
     */
    @Test
    void pagesOfACommonWordAndAnOldRareWordComeInStoreOrderWhicheverWayTheyAreRead() {
        List<StoredArticles.Fixture> fixtures = new ArrayList<>();
        List<String> rescue = new ArrayList<>();
        List<String> funds = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String name = "a" + i;
            String body = i == 3 ? "A volcano erupted on the island." : i % 20 == 0 ? "Rescue teams arrived at dawn."
                    : i % 20 == 10 ? "Rescue funds were pledged." : "Filler news number " + i + ".";
            fixtures.add(article(name, null, body, NOON.plusSeconds(i)));
            if (i % 10 == 0) {
                rescue.add(0, idOf(name));
            }
            if (i % 20 == 10) {
                funds.add(0, idOf(name));
            }
        }
        StoredArticles.store(fixtures.toArray(StoredArticles.Fixture[]::new));

        assertEquals(rescue, pages("rescue"));
        assertEquals(funds, pages("rescue -teams"), "an exclusion holds on the walked pages too");
        assertEquals(List.of(idOf("a3")), pages("volcano"), "a word the walk does not reach is found by the index");
    }

    private static List<String> pages(String q) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", q).queryParam("limit", 2);
            Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/api/v1/articles");
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void sortIsCheckedAndACursorStaysWithItsOrder() {
        StoredArticles.store(article("a", "Sanctions", "sanctions", NOON), article("b", "Sanctions", "more sanctions", NOON.plusSeconds(1)));
        String relevanceCursor = given().queryParam("q", "sanctions").queryParam("sort", "relevance").queryParam("limit", 1)
                .get("/api/v1/articles").then().statusCode(200).extract().path("nextCursor");

        String path = "/api/v1/articles";
        assertProblem(given().queryParam("sort", "relevance").get(path).then(), 400, path, "add q");
        assertProblem(given().queryParam("q", "x").queryParam("sort", "oldest").get(path).then(), 400, path, "newest or relevance");
        assertProblem(given().queryParam("q", "sanctions").queryParam("cursor", relevanceCursor).get(path).then(), 400, path, "same sort");
        assertProblem(given().queryParam("since", relevanceCursor).get(path).then(), 400, path, "latestCursor");
    }
}
