package io.newsflow.query.dashboard;

import io.newsflow.query.Newsroom;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.newsflow.query.StoredArticles.article;
import static io.newsflow.query.StoredArticles.idOf;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard page served at / in headless Chromium, over the Newsroom fixtures plus an article
 * with mention offsets and one whose text is markup that must never run.
 */
@QuarkusTest
class DashboardPageTest {

    private static final Instant STORED = Instant.parse("2024-06-22T00:00:00Z");
    private static final String VISIT_TITLE = "Kim Jong Un tours Pyongyang";
    private static final String VISIT_BODY = "Kim Jong Un toured a factory in Pyongyang on Thursday, state media said."
            + " The United Nations urged restraint.";
    static final String XSS_TITLE = "<img src=x onerror=\"window.__xss='title'\">Summit notes";
    static final String XSS_BODY = "<script>window.__xss='body'</script>Delegates met in Pyongyang."
            + " <img src=x onerror=\"window.__xss='img'\">";
    private static final String XSS_SOURCE = "<svg onload=\"window.__xss='source'\">";
    private static final String VISIT = idOf("visit");
    private static final String XSS = idOf("xss");

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL page;

    @BeforeEach
    void newsroom() {
        StoredArticles.clear();
        storeNewsroom();
        chromium.colorScheme("light");
        chromium.driver().get(page.toString());
    }

    /** Newsroom's five articles, one with mention offsets and one written to break out of escaping: 7 in 6 quarter hours. */
    static void storeNewsroom() {
        Newsroom.store();
        StoredArticles.store(
                article("visit", VISIT_TITLE, VISIT_BODY + "\n\nRead more: other stories", STORED)
                        .publishedAt(Instant.parse("2024-06-20T11:20:00Z")),
                article("xss", XSS_TITLE, XSS_BODY, STORED).publishedAt(Instant.parse("2024-06-20T15:00:00Z"))
                        .source(XSS_SOURCE));
        StoredArticles.cleanBody(VISIT, VISIT_BODY);
        StoredArticles.cleanBody(XSS, XSS_BODY);
        String visit = VISIT_TITLE + "\n" + VISIT_BODY;
        StoredArticles.mentionAt(VISIT, Newsroom.KIM, spans(visit, "Kim Jong Un"));
        StoredArticles.mentionAt(VISIT, Newsroom.PYONGYANG, spans(visit, "Pyongyang"));
        StoredArticles.mentionAt(VISIT, Newsroom.UN, spans(visit, "United Nations"));
        StoredArticles.mentionAt(XSS, Newsroom.PYONGYANG, spans(XSS_TITLE + "\n" + XSS_BODY, "Pyongyang"));
        StoredArticles.theme(VISIT, "DIPLOMACY", 2);
    }

    /** Start and end of every occurrence of the phrase, as enrich stores them. */
    private static int[] spans(String text, String phrase) {
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            offsets.add(at);
            offsets.add(at + phrase.length());
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    @AfterEach
    void noErrorsAndNoScriptRan() {
        assertEquals(List.of(), chromium.errors(), "console errors");
        assertNull(chromium.driver().executeScript("return window.__xss"), "an article's markup ran");
    }

    @Test
    void showsTimelineTotalsAndTopLists() throws IOException {
        // Read in one go: the chart is redrawn whenever its width changes.
        List<?> bars = chromium.waiting().until(d -> {
            List<?> drawn = (List<?>) chromium.driver().executeScript("return [...document.querySelectorAll('#timeline rect.bar')]"
                    + ".map(bar => bar.dataset.start + ' ' + bar.dataset.count)");
            return drawn.size() == 6 ? drawn : null;
        });
        assertEquals(List.of("2024-06-20T10:00:00Z 1", "2024-06-20T10:30:00Z 2", "2024-06-20T11:15:00Z 1",
                "2024-06-20T12:00:00Z 1", "2024-06-20T15:00:00Z 1", "2024-06-21T09:00:00Z 1"), bars);
        assertEquals("15m", find("#timeline svg").getDomAttribute("data-interval"));
        assertEquals("7", find("#timeline svg").getDomAttribute("data-total"));

        assertEquals("7", find("#stat-articles").getText());
        assertEquals(List.of("Kim Jong Un"), names("#people"));
        assertEquals(List.of("United Nations"), names("#organizations"));
        assertEquals(List.of("Pyongyang"), names("#places"));
        assertEquals(List.of("English (en)", "German (de)", "Korean (ko)"), names("#languages"));
        assertEquals(List.of("ARMEDCONFLICT", "SANCTIONS", "DIPLOMACY"), names("#themes"));
        assertTrue(names("#sources").contains(XSS_SOURCE), "a source is shown as the text it is");
        chromium.waiting().until(d -> find("#duplicates").getText().contains("Talks again"));
        assertTrue(find("#duplicates").getText().contains("2 articles"));
        assertEquals(7, articleTitles().size());

        assertTrue(Files.size(chromium.screenshot("dashboard-light", true)) > 10_000);
        chromium.colorScheme("dark");
        assertTrue(Files.size(chromium.screenshot("dashboard-dark", true)) > 10_000);

        // A phone-sized window: one column, nothing wider than the screen.
        chromium.colorScheme("light");
        chromium.driver().manage().window().setSize(new Dimension(400, 900));
        try {
            chromium.waiting().until(d -> Boolean.TRUE.equals(chromium.driver().executeScript(
                    "const page = document.documentElement.clientWidth; return document.documentElement.scrollWidth <= page"
                            + " && document.querySelector('#timeline svg').viewBox.baseVal.width < page")));
            assertTrue(Files.size(chromium.screenshot("dashboard-narrow", true)) > 10_000);
        } finally {
            chromium.driver().manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    @Test
    void searchAndFiltersNarrowTheArticleList() {
        waitForTitles(7);

        find("#search").sendKeys("Pyongyang");
        assertEquals(Set.of(VISIT_TITLE, XSS_TITLE), Set.copyOf(waitForTitles(2)));

        find("#filters-clear").click();
        waitForTitles(7);
        new Select(find("#filter-language")).selectByValue("ko");
        assertEquals(List.of("제재"), waitForTitles(1));

        find("#filters-clear").click();
        waitForTitles(7);
        // A top-list entry filters the list by that entity.
        find("#organizations button").click();
        assertEquals(Set.of(VISIT_TITLE, "UN", "Talks", "Talks again"), Set.copyOf(waitForTitles(4)));
        assertEquals(Newsroom.UN, new Select(find("#filter-entity")).getFirstSelectedOption().getDomAttribute("value"));
    }

    @Test
    void articleDetailMarksEntityMentionsAtTheirOffsets() throws IOException {
        waitForTitles(7);
        titleButton(VISIT_TITLE).click();

        List<WebElement> body = waitFor(By.cssSelector("#detail-body mark"), 3);
        assertEquals(List.of("Kim Jong Un", "Pyongyang", "United Nations"),
                body.stream().map(WebElement::getText).toList());
        assertEquals(List.of("PERSON", "LOCATION", "ORGANIZATION"),
                body.stream().map(mark -> mark.getDomAttribute("class")).toList());
        assertEquals(List.of("Kim Jong Un", "Pyongyang"),
                chromium.driver().findElements(By.cssSelector("#detail-title mark")).stream().map(WebElement::getText).toList());
        assertEquals(VISIT_BODY, find("#detail-body").getText());
        assertTrue(find("#detail").getText().contains("DIPLOMACY"));
        assertTrue(chromium.screenshot("dashboard-detail", false).toFile().length() > 10_000);

        // An entity of the article filters the list.
        chromium.driver().findElement(By.xpath("//dialog//button[contains(., 'United Nations')]")).click();
        assertEquals(4, waitForTitles(4).size());
    }

    @Test
    void articleMarkupIsShownAsTextAndNeverRuns() {
        waitForTitles(7);
        WebElement title = titleButton(XSS_TITLE);
        assertEquals(0, chromium.driver().findElements(By.cssSelector("#articles img, #articles script, #sources svg")).size());

        title.click();
        chromium.waiting().until(d -> find("#detail-title").getText().equals(XSS_TITLE));
        assertEquals(XSS_BODY, find("#detail-body").getText());
        assertEquals("Pyongyang", find("#detail-body mark").getText());
        assertEquals(0, chromium.driver().findElements(By.cssSelector("#detail img, #detail script")).size());
        assertNull(chromium.driver().executeScript("return window.__xss"));
    }

    @Test
    void pollsWithETagsAndShowsWhatArrives() {
        waitForTitles(7);
        // The second round of polls asks for every answer conditionally; nothing changed, so 304s come back.
        chromium.waiting().until(d -> chromium.observed("notModified") >= 10);
        assertTrue(chromium.observed("conditional") >= chromium.observed("notModified"));
        // The page counts them too, and says so.
        chromium.waiting().until(d -> find("#traffic").getText().matches(".* [1-9][0-9]* answered 304 Not Modified"));
        // The server's word on when the data last changed, not the page's guess.
        assertTrue(find("#status-changed").getText().startsWith("Data last changed"));
        String changedAt = find("#status-changed").getAttribute("data-changed-at");
        assertEquals(Instant.parse(changedAt), Instant.parse(given().get("/api/v1/stats").then().extract().path("dataChangedAt")));

        StoredArticles.store(article("late", "Late arrival", "A new article.", STORED.plusSeconds(60))
                .publishedAt(Instant.parse("2024-06-20T16:00:00Z")));
        assertEquals("Late arrival", waitForTitles(8).get(0));
        chromium.waiting().until(d -> "8".equals(find("#stat-articles").getText()));
        assertTrue(Instant.parse(find("#status-changed").getAttribute("data-changed-at")).isAfter(Instant.parse(changedAt)));
    }

    @Test
    void showsTheFailureWhileTheApiCannotBeReached() {
        waitForTitles(7);
        WebElement banner = find("#banner");
        assertTrue(!banner.isDisplayed());

        chromium.offline(true);
        chromium.waiting().until(d -> banner.isDisplayed());
        assertTrue(banner.getText().contains("cannot be reached"), banner.getText());
        assertEquals("error", find("#status").getDomAttribute("data-state"));
        assertEquals(7, articleTitles().size(), "the last data stays on screen");

        chromium.offline(false);
        chromium.waiting().until(d -> !banner.isDisplayed());
        assertEquals("ok", find("#status").getDomAttribute("data-state"));
        // Requests refused while offline are logged by the browser; they are what this test caused.
        chromium.errors();
    }

    private WebElement find(String css) {
        return chromium.driver().findElement(By.cssSelector(css));
    }

    private List<WebElement> waitFor(By selector, int count) {
        return chromium.waiting().until(d -> {
            List<WebElement> found = d.findElements(selector);
            return found.size() == count ? found : null;
        });
    }

    private List<String> names(String list) {
        return chromium.driver().findElements(By.cssSelector(list + " .name")).stream().map(WebElement::getText).toList();
    }

    private List<String> articleTitles() {
        return chromium.driver().findElements(By.cssSelector("#articles > li > .article-title")).stream()
                .map(WebElement::getText).toList();
    }

    private List<String> waitForTitles(int count) {
        return chromium.waiting().until(d -> {
            List<String> titles = articleTitles();
            return titles.size() == count ? titles : null;
        });
    }

    private WebElement titleButton(String title) {
        return chromium.driver().findElements(By.cssSelector("#articles .article-title")).stream()
                .filter(button -> button.getText().equals(title)).findFirst().orElseThrow();
    }
}
