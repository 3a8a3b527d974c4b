package io.newsflow.query.dashboard;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named explicitly so Selenium Manager
 * never looks for (or downloads) a browser or driver. Registered as a static extension, it starts one
 * browser with a fresh profile per test class, or skips the class where the packages are missing.
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path REPORTS = Path.of("target", "surefire-reports");

    /**
     * Counts, inside the page, the API requests it makes, those sent with If-None-Match and the 304s
     * that came back, and keeps what was reported as an error. Installed before any page script runs.
     */
    private static final String OBSERVER = """
            window.__observed = { requests: 0, conditional: 0, notModified: 0, errors: [] };
            const pageFetch = window.fetch;
            window.fetch = async function (input, init) {
              window.__observed.requests++;
              if (new Headers(init && init.headers).has('If-None-Match')) window.__observed.conditional++;
              const response = await pageFetch.apply(this, arguments);
              if (response.status === 304) window.__observed.notModified++;
              return response;
            };
            const pageError = console.error;
            console.error = function (...args) {
              window.__observed.errors.push(args.map(String).join(' '));
              return pageError.apply(this, args);
            };
            window.addEventListener('error', e => window.__observed.errors.push('error: ' + e.message));
            window.addEventListener('unhandledrejection', e => window.__observed.errors.push('rejection: ' + e.reason));
            """;

    private ChromeDriver driver;
    private Path profile;

    ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 15 s, retrying where the page redrew an element between finding and reading it. */
    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeInstalled();
        start();
    }

    /** Skips the test class where Debian's packages are not installed; on CI (CI=true) their absence fails it. */
    private static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String install = "apt-get install chromium chromium-driver (see .ci/run)";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(CHROMIUM + " or " + CHROMEDRIVER + " is missing on CI; .ci/run should have installed them: " + install);
        }
        Assumptions.assumeTrue(present, "browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing; " + install);
    }

    private void start() throws IOException {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("newsflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium keeps calling Google's services, which a
        // closed network refuses; reduced motion makes scrolling instant, so clicks land where aimed;
        // without scrollbars a whole-page screenshot is laid out as wide as the window it is cut to.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--force-prefers-reduced-motion", "--hide-scrollbars", "--lang=en-US",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", OBSERVER));
    }

    /** What the browser logged as an error (failed loads, CSP refusals, uncaught exceptions) and the page reported. */
    List<String> errors() {
        Stream<String> logged = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage);
        Object reported = driver.executeScript("return window.__observed ? window.__observed.errors : []");
        return Stream.concat(logged, ((List<?>) reported).stream().map(String::valueOf)).toList();
    }

    long observed(String counter) {
        return ((Number) driver.executeScript("return window.__observed." + counter)).longValue();
    }

    void colorScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions",
                Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** The whole page, or just the window (as when a dialog is open), as PNG, saved into the test report. */
    Path screenshot(String name, boolean wholePage) throws IOException {
        Map<String, Object> parameters = Map.of("format", "png");
        if (wholePage) {
            @SuppressWarnings("unchecked")
            Map<String, Number> size = (Map<String, Number>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                    .get("cssContentSize");
            parameters = Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                    "width", size.get("width"), "height", size.get("height"), "scale", 1));
        }
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", parameters);
        Files.createDirectories(REPORTS);
        Path file = REPORTS.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
