package dev.aegis.risk;

import dev.aegis.AegisTest;
import dev.aegis.Browser;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The register's main path as a governance officer walks it in headless Chromium: register an AI system that
 * processes health data, open its page, raise a risk for one of the ATLAS techniques typical for it, and find the
 * risk in the register. Every step waits for the element it needs; nothing sleeps.
 */
@AegisTest
class RiskRegisterBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    @Autowired
    TestAccounts accounts;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(profile, "risk-register");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_officer_registers_a_system_and_raises_a_risk_against_an_atlas_technique_that_then_shows_in_the_register()
            throws IOException {
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        String system = "Triage assistant " + System.nanoTime();
        String base = "http://localhost:" + port;

        browser.get(base + "/systems");
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        browser.signIn(officer.username(), TestAccounts.PASSWORD);

        // register the system: it reads patient records (PHI)
        browser.click(By.id("register-system"));
        browser.type(By.cssSelector("#system-name input"), system);
        browser.type(By.cssSelector("#system-purpose textarea"), "Ranks incoming patient messages by urgency");
        browser.click(By.xpath("//vaadin-tab[contains(., 'Classification')]"));
        browser.click(By.xpath("//vaadin-checkbox[contains(., 'PHI')]"));
        browser.click(By.id("system-save"));
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("system-save")));

        // find it: its row opens its page
        browser.type(By.cssSelector("#systems-search input"), system);
        browser.click(By.xpath("//vaadin-grid-cell-content[text()='" + system + "']")); // the row opens its page
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("system-page"), system));

        // raise a risk for an ATLAS technique typical for a system with health data
        browser.click(By.id("raise-AML-T0024-001"));
        browser.waitFor(ExpectedConditions.attributeContains(By.cssSelector("#risk-title input"), "value", system));
        browser.type(By.cssSelector("#risk-likelihood input"), "3");
        browser.type(By.cssSelector("#risk-impact input"), "5");
        browser.saveScreenshot(Path.of("target", "e2e", "raise-risk.png"));
        browser.click(By.id("risk-save"));
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("risk-save")));
        // the new row's cell in the system's risk grid (its rendered text depends on where the grid sits on a long
        // page)
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[@id='system-risks-grid']/vaadin-grid-cell-content[contains(., 'Invert AI Model')]")));

        // the register lists it
        browser.get(base + "/risks?q=" + java.net.URLEncoder.encode(system, java.nio.charset.StandardCharsets.UTF_8));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[contains(., 'Invert AI Model against " + system + "')]")));
        browser.saveScreenshot(Path.of("target", "e2e", "risk-register.png"));
    }
}
