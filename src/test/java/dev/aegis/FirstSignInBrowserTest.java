package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first sign-in as a person does it, in headless Chromium: the one-time admin password, the forced password
 * change, the dashboard, signing out. The only test that signs in as {@code admin}, because it changes admin's
 * password in the run's shared database.
 */
@AegisTest
class FirstSignInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String NEW_PASSWORD = "Quartz-Meadow-Falcon-58";

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        // CI installs both (.ci/run); a missing browser must fail the build, not skip the one browser test
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("This test needs Chromium at %s and ChromeDriver at %s: apt-get install -y chromium chromium-driver",
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
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
        browser = new ChromeDriver(service, options);
        // the first page load of a run starts Vaadin's front end on a machine shared with other builds
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_first_admin_signs_in_replaces_the_one_time_password_reaches_the_dashboard_and_signs_out() throws IOException {
        browser.get("http://localhost:" + port + "/");
        waitFor(ExpectedConditions.urlContains("/login"));
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")));
        saveScreenshot(Path.of("target", "e2e", "login.png"));

        signIn("admin", AegisTest.ADMIN_PASSWORD);

        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#current-password input")));
        saveScreenshot(Path.of("target", "e2e", "change-password.png"));
        type(By.cssSelector("#current-password input"), AegisTest.ADMIN_PASSWORD);
        type(By.cssSelector("#new-password input"), NEW_PASSWORD);
        type(By.cssSelector("#repeat-password input"), NEW_PASSWORD);
        browser.findElement(By.id("change-password")).click();

        waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "admin"));
        saveScreenshot(Path.of("target", "e2e", "dashboard.png"));

        browser.findElement(By.id("logout")).click();
        waitFor(ExpectedConditions.urlContains("/login"));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form input[name='username']")));
    }

    private void signIn(String username, String password) {
        // Vaadin 25's login form keeps its inputs in the light DOM, named like the form fields it posts
        type(By.cssSelector("vaadin-login-form input[name='username']"), username);
        type(By.cssSelector("vaadin-login-form input[name='password']"), password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
    }

    private void type(By input, String text) {
        WebElement field = waitFor(ExpectedConditions.elementToBeClickable(input));
        field.clear();
        field.sendKeys(text);
    }

    private <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        try {
            return wait.until(condition);
        } catch (TimeoutException e) {
            // the page as it was helps more than the timeout alone
            saveScreenshotQuietly(Path.of("target", "e2e", "failure.png"));
            throw new AssertionError("Timed out waiting for " + condition + " at " + browser.getCurrentUrl()
                    + "; page:\n" + ((JavascriptExecutor) browser).executeScript("return document.body.outerHTML"), e);
        }
    }

    private void saveScreenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private void saveScreenshotQuietly(Path target) {
        try {
            saveScreenshot(target);
        } catch (IOException | RuntimeException ignored) {
            // the timeout is the failure to report
        }
    }
}
