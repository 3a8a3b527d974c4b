package io.newsflow.query.dashboard;

import io.newsflow.query.EnrichBacklog;
import io.newsflow.query.FrequentPipelineRefresh;
import io.newsflow.query.StoredArticles;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline strip in headless Chromium, over a backlog in the test JVM's real Kafka (and no ingest-service to ask). */
@QuarkusTest
@TestProfile(FrequentPipelineRefresh.class)
class DashboardPipelineTest {

    @RegisterExtension
    static final HeadlessChromium chromium = new HeadlessChromium();

    private static EnrichBacklog kafka;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void topics() throws Exception {
        kafka = new EnrichBacklog();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @AfterEach
    void noErrors() {
        assertEquals(List.of(), chromium.errors(), "console errors");
    }

    @Test
    void showsTheBacklogWithAProgressBarWhilePendingAndSaysWhatCannotBeRead() throws Exception {
        StoredArticles.clear();
        kafka.commitEverything();
        chromium.colorScheme("light");
        chromium.driver().get(page.toString());
        WebElement strip = find("#pipeline");
        chromium.waiting().until(d -> "idle".equals(strip.getDomAttribute("data-state")));
        assertTrue(!find("#pipe-progress").isDisplayed(), "no progress bar while nothing is pending");
        assertEquals("nothing pending", find("#pipe-left").getText());
        assertEquals("?", find("#pipe-files").getText(), "ingest-service cannot be asked in this test");
        assertTrue(find("#pipe-extra").getText().contains("ingest-service does not answer"), find("#pipe-extra").getText());

        kafka.send(EnrichBacklog.RAW, 4);

        chromium.waiting().until(d -> "working".equals(strip.getDomAttribute("data-state")));
        assertEquals("4", find("#pipe-kafka").getText());
        assertTrue(find("#pipe-progress").isDisplayed(), "a progress bar while work is pending");
        assertTrue(find("#pipe-left").getText().startsWith("4 pending"), find("#pipe-left").getText());
        assertTrue(Files.size(chromium.screenshot("dashboard-pipeline", false)) > 10_000);

        kafka.commitEverything();
        chromium.waiting().until(d -> "idle".equals(strip.getDomAttribute("data-state")));
        assertTrue(!find("#pipe-progress").isDisplayed());
    }

    private static WebElement find(String css) {
        return chromium.driver().findElement(By.cssSelector(css));
    }
}
