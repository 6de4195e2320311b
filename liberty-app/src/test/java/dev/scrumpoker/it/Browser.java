package dev.scrumpoker.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium from Debian's packages, driven through Debian's chromedriver: a person at a browser, with
 * a profile (cookies, localStorage) of their own. Nothing is downloaded: both paths are given, so Selenium Manager
 * has nothing to look up.
 */
final class Browser implements AutoCloseable {

    private static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /**
     * Selenium warns on every start that it has no DevTools (CDP) bindings for this Chromium's version. These tests
     * use WebDriver only, so the warning is noise; held in a field because java.util.logging keeps loggers weakly.
     */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    /** Where this browser saves what the page downloads. */
    private final Path downloads;

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** A desktop-sized window. */
    static Browser open() {
        return start(new ChromeOptions().addArguments("--window-size=1280,900"));
    }

    /** A desktop browser that accepts the server's self-signed HTTPS certificate (Liberty's generated one). */
    static Browser trustingSelfSignedCertificates() {
        return start(new ChromeOptions().addArguments("--window-size=1280,900", "--ignore-certificate-errors"));
    }

    /**
     * A phone: Chromium's device emulation at 390 × 844 CSS pixels with touch. A plain small window would not do,
     * because headless Chromium does not make windows narrower than 500 pixels.
     */
    static Browser phone() {
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        return start(options);
    }

    private static Browser start(ChromeOptions options) {
        Path downloads;
        try {
            downloads = Files.createTempDirectory("browser-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), downloads);
    }

    void go(String url) {
        driver.get(url);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits (polling, not sleeping) until the condition holds, and returns what it returned. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50)).withMessage(what)
                .ignoring(StaleElementReferenceException.class).until(page -> unlessNavigating(condition, page));
    }

    /**
     * A lookup made while the page navigates (a form's submit, a redirect) is aborted by Chrome ("aborted by
     * navigation"): for a wait that is "not yet", not a failure. Any other error still ends the wait.
     */
    private static <T> T unlessNavigating(Function<WebDriver, T> condition, WebDriver page) {
        try {
            return condition.apply(page);
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("aborted by navigation")) {
                return null;
            }
            throw e;
        }
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebDriver.TargetLocator switchTo() {
        return driver.switchTo();
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Runs a script that finishes by calling its last argument, the callback, with its result. */
    Object asyncScript(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    /** Waits until a download of that name is complete, and answers its text. */
    String awaitDownload(String fileName) {
        Path file = downloads.resolve(fileName);
        await("the download " + fileName, driver -> Files.exists(file) && !Files.exists(downloads.resolve(
                fileName + ".crdownload")));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What Deque's axe finds on the page as it is now that is serious or critical, one line per rule: its id, its
     * impact and the elements it found. Empty when the page passes.
     */
    List<String> seriousAccessibilityViolations() {
        script(Axe.SOURCE);
        Object found = asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((results) => done(results.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)))
                  .catch((error) => done([`axe failed: ${error}`]));""");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** The axe engine's script, read once from the class path (the axe-core Selenium jar carries it). */
    private static final class Axe {
        static final String SOURCE = read();

        private static String read() {
            try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
