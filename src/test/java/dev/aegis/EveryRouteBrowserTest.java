package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every route of every role in one browser: each screen is checked with axe-core (no serious or critical
 * violation) and photographed at 1280 and 1920 px into {@code target/screenshots/<role>/<route>-<width>.png} for a
 * person to look at. The routes are the side navigation's entries as the role sees them, plus a system's page.
 */
@AegisTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteBrowserTest {

    static final int[] WIDTHS = {1280, 1920};

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    Browser browser;
    long systemId;
    AegisUser owner;

    @BeforeAll
    void openBrowser(@org.junit.jupiter.api.io.TempDir Path profile) {
        browser = Browser.open(profile, "every-route");
        owner = accounts.create("route-owner", Role.SYSTEM_OWNER);
        TestAccounts.signIn(accounts.create("route-officer", Role.GOVERNANCE_OFFICER));
        systemId = systems.register(AiSystemFixtures.diagnosisAssistant(
                        "Route check assistant " + System.nanoTime(), owner.getUsername()))
                .getId();
        TestAccounts.signOut();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void every_route_of_the_role_has_no_serious_accessibility_violation(Role role) throws Exception {
        String base = "http://localhost:" + port;
        AegisUser user = role == Role.SYSTEM_OWNER
                ? owner
                : accounts.create("route-" + role.name().toLowerCase(Locale.ROOT), role);
        browser.driver.manage().deleteAllCookies();
        browser.get(base + "/");
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        waitUntilSettled();
        browser.waitFor(driver -> !driver.getTitle().isBlank());
        Accessibility.assertNoSeriousViolations(browser.driver, "login");
        browser.signIn(user.username(), TestAccounts.PASSWORD);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));

        Set<String> routes = new LinkedHashSet<>();
        for (WebElement item : browser.driver.findElements(By.cssSelector("#main-nav vaadin-side-nav-item"))) {
            String path = item.getAttribute("path");
            if (path != null) {
                routes.add(path.startsWith("/") ? path : "/" + path);
            }
        }
        if (role != Role.VENDOR_MANAGER) {
            routes.add("/systems/" + systemId);
        }
        assertThat(routes).hasSizeGreaterThan(5);

        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            // navigating inside the running application, as the menu does, spares a full page load per route
            ((JavascriptExecutor) browser.driver)
                    .executeScript(
                            "window.history.pushState({}, '', arguments[0]);"
                                    + "window.dispatchEvent(new PopStateEvent('popstate'));",
                            route);
            browser.waitFor(ExpectedConditions.urlToBe(base + route));
            waitUntilSettled();
            String name = route.equals("/") ? "dashboard" : route.substring(1).replaceAll("[^A-Za-z0-9]+", "-");
            for (int width : WIDTHS) {
                browser.driver.manage().window().setSize(new Dimension(width, 1000));
                waitUntilSettled();
                browser.saveScreenshot(Path.of(
                        "target", "screenshots", role.name().toLowerCase(Locale.ROOT), name + "-" + width + ".png"));
            }
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
            try {
                Accessibility.assertNoSeriousViolations(browser.driver, role + " " + route);
                report(role + " " + route + ": no serious or critical violation");
            } catch (AssertionError e) {
                failures.add(e.getMessage());
                report(e.getMessage());
            }
        }
        assertThat(failures).as("%s routes %s", role, routes).isEmpty();
    }

    /** Each route's outcome as it is known, for a person following a long run. */
    private static void report(String line) throws java.io.IOException {
        Path file = Path.of("target", "screenshots", "axe-report.txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(
                file,
                line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** Vaadin has drawn the route: its client is idle and no loading indicator shows. */
    private void waitUntilSettled() {
        waitUntilSettled(browser);
    }

    static void waitUntilSettled(Browser browser) {
        browser.waitFor(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())"
                        + " && !document.querySelector('vaadin-connection-indicator[loading]')"));
    }
}
