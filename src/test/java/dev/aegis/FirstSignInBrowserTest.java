package dev.aegis;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first sign-in as a person does it, in headless Chromium: the one-time admin password, the forced password
 * change, the dashboard, signing out. The only test that signs in as {@code admin}, because it changes admin's
 * password in the run's shared database.
 */
@AegisTest
class FirstSignInBrowserTest {

    static final String NEW_PASSWORD = "Quartz-Meadow-Falcon-58";

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(profile, "first-sign-in");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_first_admin_signs_in_replaces_the_one_time_password_reaches_the_dashboard_and_signs_out()
            throws IOException {
        browser.get("http://localhost:" + port + "/");
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("vaadin-login-form input[name='username']")));
        browser.saveScreenshot(Path.of("target", "e2e", "login.png"));

        browser.signIn("admin", AegisTest.ADMIN_PASSWORD);

        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#current-password input")));
        browser.saveScreenshot(Path.of("target", "e2e", "change-password.png"));
        browser.type(By.cssSelector("#current-password input"), AegisTest.ADMIN_PASSWORD);
        browser.type(By.cssSelector("#new-password input"), NEW_PASSWORD);
        browser.type(By.cssSelector("#repeat-password input"), NEW_PASSWORD);
        browser.click(By.id("change-password"));

        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("current-user"), "admin"));
        browser.saveScreenshot(Path.of("target", "e2e", "dashboard.png"));

        browser.click(By.id("logout"));
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("vaadin-login-form input[name='username']")));
    }
}
