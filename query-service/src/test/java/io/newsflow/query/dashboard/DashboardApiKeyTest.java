package io.newsflow.query.dashboard;

import io.newsflow.query.StoredArticles;
import io.newsflow.query.WithApiKey;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With NEWSFLOW_QUERY_API_KEY set, the page itself loads, asks for the key and sends what the user typed. */
@QuarkusTest
@TestProfile(WithApiKey.class)
class DashboardApiKeyTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    @TestHTTPResource("/")
    URL page;

    @Test
    void asksForTheKeyAndKeepsItForTheTab() {
        StoredArticles.clear();
        DashboardPageTest.storeNewsroom();
        chromium.driver().get(page.toString());

        WebElement banner = chromium.driver().findElement(By.id("banner"));
        chromium.waiting().until(d -> banner.isDisplayed());
        assertTrue(banner.getText().contains("needs a key"), banner.getText());
        assertEquals(0, articles());
        // The refused requests are logged by the browser as failed loads: expected here.
        List<String> refused = chromium.errors();
        assertTrue(refused.stream().allMatch(e -> e.contains("401")), refused.toString());

        WebElement key = chromium.driver().findElement(By.id("key-input"));
        assertTrue(key.isDisplayed(), "the key form opens by itself");
        key.sendKeys(WithApiKey.KEY);
        key.submit();
        chromium.waiting().until(d -> articles() == 7);
        chromium.waiting().until(d -> !banner.isDisplayed());

        // Kept in sessionStorage: a reload of the tab needs no typing.
        chromium.driver().navigate().refresh();
        chromium.waiting().until(d -> articles() == 7);
        assertEquals(List.of(), chromium.errors());
        assertEquals("true", chromium.driver().findElement(By.id("key")).getDomAttribute("data-set"));
    }

    private static int articles() {
        return chromium.driver().findElements(By.cssSelector("#articles > li > .article-title")).size();
    }
}
