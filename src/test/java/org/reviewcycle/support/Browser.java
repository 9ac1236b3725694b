package org.reviewcycle.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: the real Tasklist as staff see
 * it. Nothing is downloaded; without /usr/bin/chromium and /usr/bin/chromedriver (which .ci/run
 * installs) the test fails. Screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private final WebDriverWait wait;

    public Browser(int port, String testName) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver "
                    + "(/usr/bin/chromium, /usr/bin/chromedriver): apt-get install chromium chromium-driver");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000", "--lang=en-GB");
        // the page's console, written beside the screenshot when a wait times out
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        this.driver = new ChromeDriver(service, options);
        this.baseUrl = "http://localhost:" + port;
        this.screenshots = Path.of(System.getProperty("reviewcycle.test.screenshots", "target/screenshots"), testName);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(45));
        // a page replaced between finding an element and reading it (a form's answer arriving): look again
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public void logIn(String username, String password) {
        open("/login");
        // a navigation still under way (a logout's, which lands on Tasklist's page with a login form of its
        // own) can replace the page just opened: the form filled in is the login page's
        wait.until(d -> {
            if (currentPath().startsWith("/login")) {
                return true;
            }
            open("/login");
            return false;
        });
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
    }

    public WebElement waitFor(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void waitUntilPathStartsWith(String prefix) {
        wait.until(d -> currentPath().startsWith(prefix));
    }

    public void waitUntilTextShown(String text) {
        try {
            wait.until(d -> {
                String shown = bodyText();
                return shown != null && shown.contains(text);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timed-out-waiting-for-text");
            saveConsole("timed-out-waiting-for-text");
            throw e;
        }
    }

    /**
     * The body's text, or null while the page is being replaced: between finding the body and reading it a
     * navigation can take the node away, which Chromium reports as "Node with given id does not belong to the
     * document" (an unknown error, not a stale element); the wait then simply looks again.
     */
    private String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return null;
            }
            throw e;
        }
    }

    /** Waits until {@code condition} holds, for instance until the engine has the task's next step. */
    public void waitUntil(java.util.function.BooleanSupplier condition) {
        wait.until(d -> condition.getAsBoolean());
    }

    /** Clicks like a person: the element is scrolled to the middle of the window first, clear of fixed headers. */
    public void click(By locator) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    public void type(By locator, String text) {
        var field = waitFor(locator);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        if (!field.getDomProperty("value").isEmpty()) {
            field.clear();
        }
        field.sendKeys(text);
    }

    /** The text of the page as it stands once it has finished loading (read again if it is replaced meanwhile). */
    public String pageText() {
        return wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")) ? bodyText() : null);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * What the link named {@code linkText} downloads, fetched in the page with the browser's own session (headless
     * Chromium saves no file a test could read).
     */
    public byte[] download(String linkText) {
        String href = waitFor(By.linkText(linkText)).getDomProperty("href");
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Object base64 = driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                    .then(function (response) {
                        if (!response.ok) { throw new Error('status ' + response.status); }
                        return response.arrayBuffer();
                    })
                    .then(function (buffer) {
                        var bytes = new Uint8Array(buffer), text = '';
                        for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
                        done(btoa(text));
                    })
                    .catch(function (e) { done('failed: ' + e); });
                """, href);
        if (base64.toString().startsWith("failed")) {
            throw new AssertionError("Downloading " + href + " " + base64);
        }
        return java.util.Base64.getDecoder().decode(base64.toString());
    }

    /** Saves a screenshot as target/screenshots/TEST/NAME.png, and the page's HTML beside it. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(screenshots.resolve(name + ".html"), driver.getPageSource());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves what the page wrote to its console as target/screenshots/TEST/NAME.console.txt. */
    private void saveConsole(String name) {
        try {
            Files.createDirectories(screenshots);
            var lines = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .map(entry -> java.time.Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " "
                            + entry.getMessage())
                    .toList();
            Files.write(screenshots.resolve(name + ".console.txt"), lines);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the browser's console: " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
