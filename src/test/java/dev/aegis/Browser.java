package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the end-to-end tests, with explicit waits that report the page as it was when a wait timed
 * out (and a screenshot in {@code target/e2e/}).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final WebDriverWait wait;
    private final String name;

    private Browser(WebDriver driver, String name) {
        this.driver = driver;
        this.name = name;
        // the first page load of a run starts Vaadin's front end on a machine shared with other builds
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** A fresh browser with its own profile directory; {@code name} names its failure screenshot. */
    public static Browser open(Path profile, String name) {
        // CI installs both (.ci/run); a missing browser must fail the build, not skip the browser tests
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as(
                        "The browser tests need Chromium at %s and ChromeDriver at %s: apt-get install -y chromium chromium-driver",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // with the driver named, Selenium Manager has nothing to look up or download
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        return new Browser(new ChromeDriver(service, options), name);
    }

    /** The driver itself, for what these helpers do not cover (window size, emulated media, scripts). */
    public WebDriver driver() {
        return driver;
    }

    public void get(String url) {
        driver.get(url);
    }

    /** Signs in on Aegis's login page. */
    public void signIn(String username, String password) {
        // Vaadin 25's login form keeps its inputs in the light DOM, named like the form fields it posts
        type(By.cssSelector("vaadin-login-form input[name='username']"), username);
        type(By.cssSelector("vaadin-login-form input[name='password']"), password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']"))
                .click();
    }

    public void type(By input, String text) {
        WebElement field = waitFor(ExpectedConditions.elementToBeClickable(input));
        field.clear();
        field.sendKeys(text);
    }

    public WebElement click(By element) {
        WebElement found = waitFor(ExpectedConditions.presenceOfElementLocated(element));
        // below the fold (a long page, a grid row) the click would land on whatever covers the point
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
        found = waitFor(ExpectedConditions.elementToBeClickable(element));
        found.click();
        return found;
    }

    public <T> T waitFor(ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            // the page as it was helps more than the timeout alone
            saveScreenshotQuietly(Path.of("target", "e2e", name + "-failure.png"));
            throw new AssertionError(
                    "Timed out waiting for " + condition + " at " + driver.getCurrentUrl() + "; page:\n"
                            + ((JavascriptExecutor) driver).executeScript("return document.body.outerHTML"),
                    e);
        }
    }

    public void saveScreenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void saveScreenshotQuietly(Path target) {
        try {
            saveScreenshot(target);
        } catch (IOException | RuntimeException ignored) {
            // the timeout is the failure to report
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
