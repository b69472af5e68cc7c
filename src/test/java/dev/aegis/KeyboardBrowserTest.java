package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The key flows without a mouse, in headless Chromium: reach a menu entry with Tab and open it with Enter, fill in a
 * form and save it with Enter on its button, open a record from a grid with the arrow keys and Space.
 */
@AegisTest
class KeyboardBrowserTest {

    /** More than the page has focusable elements before the menu entry: a missing entry fails instead of looping. */
    static final int MAX_TABS = 60;

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(profile, "keyboard");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_officer_uses_the_menu_saves_a_form_and_opens_a_record_by_keyboard_alone() {
        AegisUser officer = accounts.create("keys-officer", Role.GOVERNANCE_OFFICER);
        String name = "Keyboard assistant " + System.nanoTime();
        String base = "http://localhost:" + port;

        browser.get(base + "/");
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        browser.signIn(officer.username(), TestAccounts.PASSWORD);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));

        // the menu: Tab until the "AI systems" entry has the focus, then Enter
        tabUntil(menuEntry("systems"));
        press(Keys.ENTER);
        browser.waitFor(ExpectedConditions.urlMatches(".*/systems$"));

        // a form: open it with Enter on its button, type into its fields, Tab to Save and press Enter
        tabUntil(focused("register-system"));
        press(Keys.ENTER);
        tabUntil(within("system-name"));
        new Actions(browser.driver).sendKeys(name).perform();
        tabUntil(within("system-purpose"));
        new Actions(browser.driver)
                .sendKeys("Answers questions about keyboard use")
                .perform();
        tabUntil(focused("system-save"));
        press(Keys.ENTER);
        browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("system-save")));
        TestAccounts.signIn(officer);
        try {
            assertThat(systems.count(new AiSystemService.Filter(name, null, null, null, null)))
                    .isOne();
        } finally {
            TestAccounts.signOut();
        }

        // a record: to the Frameworks screen by the menu, search, Tab into the results, arrow to a row, Space opens it
        tabUntil(menuEntry("frameworks"));
        press(Keys.ENTER);
        browser.waitFor(ExpectedConditions.urlContains("/frameworks"));
        tabUntil(within("requirement-search"));
        new Actions(browser.driver).sendKeys("LLM01").perform();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "match"));
        // Tab reaches the grid's header first, then its rows (arrow keys move within a section, Tab between them)
        tabUntil(aRowOf("search-results"));
        press(Keys.SPACE);
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "LLM01:2025"));
    }

    private static String menuEntry(String path) {
        return "const e = document.activeElement; return !!e && e.localName === 'vaadin-side-nav-item'"
                + " && (e.getAttribute('path') || '').replace(/^\\//, '') === '" + path + "'";
    }

    private static String focused(String id) {
        return "return !!document.activeElement && document.activeElement.id === '" + id + "'";
    }

    /** Focus on a body cell of the grid (not its header). */
    private static String aRowOf(String id) {
        return "const g = document.getElementById('" + id + "'); const a = g && g.shadowRoot"
                + " && g.shadowRoot.activeElement; return document.activeElement === g && !!a && !!a.closest('#items')";
    }

    private static String within(String id) {
        return "return !!document.activeElement && !!document.activeElement.closest('#" + id + "')";
    }

    private void press(Keys key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    /** Presses Tab until the script says the right element has the focus. */
    private void tabUntil(String focusedScript) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        for (int i = 0; i < MAX_TABS; i++) {
            if (Boolean.TRUE.equals(js.executeScript(focusedScript))) {
                return;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        assertThat((Boolean) js.executeScript(focusedScript))
                .as(
                        "reached within %d Tab presses; focus is on %s",
                        MAX_TABS,
                        js.executeScript(
                                "return document.activeElement && document.activeElement.outerHTML.slice(0, 200)"))
                .isTrue();
    }
}
