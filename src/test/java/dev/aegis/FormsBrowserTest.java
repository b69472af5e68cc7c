package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.finding.TelemetryFixtures;
import dev.aegis.finding.TelemetryFixtures.Breached;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every form of the registers as the role that uses it sees it, with a validation error showing, photographed at 1280
 * and 1920 px into {@code target/screenshots/forms/<form>-<width>.png} for a person to look at. Each form's primary
 * button must stay in view (the dialog's footer does not scroll away) and the error must be a sentence, not a
 * library's default.
 */
@AegisTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsBrowserTest {

    static final int[][] SIZES = {{1280, 800}, {1920, 1080}};

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TelemetryFixtures telemetry;

    @Autowired
    RiskService risks;

    @org.junit.jupiter.api.io.TempDir
    Path profile;

    Browser browser;
    Breached governed;
    long riskId;

    @BeforeAll
    void setUp() {
        governed =
                telemetry.breached("Forms " + System.nanoTime(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        TestAccounts.signIn(governed.officer());
        var risk = risks.identify(new RiskDetails(
                "Prompt injection through patient messages " + System.nanoTime(),
                "A message may carry instructions the assistant follows.",
                Category.SECURITY,
                Set.of(governed.systemId()),
                Set.of(),
                Set.of(),
                3,
                4,
                governed.owner().username(),
                null));
        riskId = risks.assess(risk.getId(), risk.getVersion(), 3, 4).getId();
        TestAccounts.signOut();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void each_form_keeps_its_buttons_in_view_and_says_what_to_change_at_its_fields() throws Exception {
        AegisUser officer = accounts.create("forms-officer", Role.GOVERNANCE_OFFICER);
        AegisUser vendorManager = accounts.create("forms-vendor-manager", Role.VENDOR_MANAGER);
        browser = Browser.open(profile, "forms");
        try {
            walkTheForms(officer, vendorManager);
        } finally {
            browser.close(); // before JUnit removes its profile directory
            browser = null;
        }
    }

    private void walkTheForms(AegisUser officer, AegisUser vendorManager) throws Exception {
        signIn(officer);
        form("systems", "register-system", "system-save", "ai-system-officer");
        form("risks", "raise-risk", "risk-save", "risk-officer");
        open("risks?risk=" + riskId);
        browser.click(By.id("risk-open-workflow"));
        browser.click(By.xpath("//vaadin-button[normalize-space(.)='Accept']"));
        shoot("risk-workflow-officer", "//vaadin-button[normalize-space(.)='Accept']");
        form("controls", "new-control", "control-save", "control-officer");
        form("evidence", "new-evidence", "evidence-save", "evidence-officer");

        signIn(governed.owner());
        open("findings/" + governed.findingId());
        browser.click(By.id("finding-resolve"));
        browser.click(By.id("finding-step-confirm"));
        shoot("finding-resolve-system-owner", "//*[@id='finding-step-confirm']");

        signIn(vendorManager);
        form("vendors", "register-vendor", "vendor-save", "vendor-vendor-manager");
        open("vendors/templates/edit");
        browser.type(By.cssSelector("#template-key input"), "forms-check");
        browser.click(By.id("template-editor-save"));
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#template-title[invalid]")));
        shoot("template-editor-vendor-manager", "//*[@id='template-editor-save']");
    }

    /** Opens a register, its form, presses its primary button with the form empty, and photographs the refusal. */
    private void form(String route, String opener, String save, String name) throws Exception {
        open(route);
        browser.click(By.id(opener));
        browser.click(By.id(save));
        shoot(name, "//*[@id='" + save + "']");
    }

    private void signIn(AegisUser user) {
        browser.driver().manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.signIn(user.username(), TestAccounts.PASSWORD);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }

    private void open(String route) {
        browser.get("http://localhost:" + port + "/" + route);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("main-nav")));
    }

    /**
     * At each size: some field shows an error written as a sentence, the primary button lies inside the window, and the
     * page is photographed.
     */
    private void shoot(String name, String primaryButton) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        for (int[] size : SIZES) {
            browser.driver().manage().window().setSize(new Dimension(size[0], size[1]));
            browser.waitFor(d -> Boolean.TRUE.equals(js.executeScript(
                    "return !window.Vaadin || !window.Vaadin.Flow || window.Vaadin.Flow.clients === undefined"
                            + " || Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive())")));
            Thread.sleep(300); // the overlay's resize animation
            @SuppressWarnings("unchecked")
            List<String> errors = (List<String>) js.executeScript("const found = [];"
                    + "const walk = root => root.querySelectorAll('*').forEach(e => {"
                    + "  if (e.hasAttribute && e.hasAttribute('invalid') && e.errorMessage) found.push(e.errorMessage);"
                    + "  if (e.shadowRoot) walk(e.shadowRoot); });"
                    + "walk(document);"
                    + "document.querySelectorAll('vaadin-notification-card').forEach(c => found.push(c.innerText));"
                    + "document.querySelectorAll('#template-problems').forEach(c => found.push(c.innerText));"
                    + "return found;");
            assertThat(errors).as("%s shows what to change", name).isNotEmpty();
            assertThat(errors)
                    .as("%s speaks to people", name)
                    .noneMatch(e -> e.contains("must not be") || e.contains("size must be") || e.contains("{"));
            Object inView = js.executeScript(
                    "const b = document.evaluate(arguments[0], document, null, 9, null).singleNodeValue;"
                            + "if (!b) return 'missing';"
                            + "const r = b.getBoundingClientRect();"
                            + "return r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth"
                            + " ? 'in view' : 'out of view at ' + JSON.stringify(r);",
                    primaryButton);
            assertThat(inView)
                    .as("%s at %s px: its primary button", name, size[0])
                    .isEqualTo("in view");
            browser.saveScreenshot(Path.of("target", "screenshots", "forms", name + "-" + size[0] + ".png"));
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }
}
