package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.Accessibility;
import dev.aegis.AegisTest;
import dev.aegis.Browser;
import dev.aegis.Http;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.OrganisationProfile;
import dev.aegis.vendor.AssessmentFixtures.Started;
import dev.aegis.vendor.AssessmentService.IssuedLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The vendor portal in headless Chromium: quick ticks all reach the database, an exclusive option stands alone, a real
 * conflict shows both answers for the vendor to choose, submission problems name and show the question, and every
 * state passes axe-core light and dark. Screenshots of each state at 375, 1280 and 1920 px, light and dark, go to
 * {@code target/e2e/portal/}.
 */
@AegisTest
class VendorPortalBrowserTest {

    static final String DEFENCES = "ms-injection";

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService service;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    OrganisationProfile organisation;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void quick_ticks_are_all_stored_and_none_of_these_stands_alone() {
        Started s = AssessmentFixtures.startDefences(accounts, vendors, templates, service);
        long id = s.assessment().getId();
        try (Browser vendor = Browser.open(profile, "portal-ticks")) {
            vendor.get("http://localhost:" + port + service.issueLink(id).page());
            vendor.waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(box("filtering"))));
            // four ticks within one task, far quicker than a save: the page never sends one against another
            js(
                    vendor,
                    "['filtering', 'privileges', 'validation', 'red-teaming'].forEach(v => "
                            + "document.querySelector(\"input[name='ms-injection'][value='\" + v + \"']\").click())");
            vendor.waitFor(stored(id, List.of("filtering", "privileges", "validation", "red-teaming")));
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("save-" + DEFENCES), "Saved"));

            // and as quickly as a driver clicks: untick two, tick one back
            vendor.click(By.cssSelector(box("privileges")));
            vendor.click(By.cssSelector(box("validation")));
            vendor.click(By.cssSelector(box("privileges")));
            vendor.waitFor(stored(id, List.of("filtering", "privileges", "red-teaming")));

            // "None of these" unticks the others, on the page and in what is stored; a real defence unticks it again
            vendor.click(By.cssSelector(box("none")));
            vendor.waitFor(stored(id, List.of("none")));
            assertThat(vendor.driver().findElements(By.cssSelector("input[name='ms-injection']:checked")))
                    .hasSize(1);
            vendor.click(By.cssSelector(box("red-teaming")));
            vendor.waitFor(stored(id, List.of("red-teaming")));
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("save-" + DEFENCES), "Saved"));
            assertThat(vendor.driver().findElement(By.id("save-" + DEFENCES)).getText())
                    .doesNotContain("Not saved");
        }
    }

    @Test
    void problems_name_the_question_a_real_conflict_lets_the_vendor_choose_and_every_state_passes_axe()
            throws Exception {
        Started s = AssessmentFixtures.startDefences(accounts, vendors, templates, service);
        long id = s.assessment().getId();
        IssuedLink link = service.issueLink(id);
        try (Browser vendor = Browser.open(profile, "portal-states")) {
            vendor.get("http://localhost:" + port + link.page());
            vendor.waitFor(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("organisation"), organisation.name()));
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("progress-text"), "0 of 2 required questions answered"));
            states(vendor, "questions");

            // submitting too early names the open questions by their text and brings the first into view
            vendor.click(By.id("submit"));
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("problems"), "Which defences against prompt injection are in place?"));
            assertThat(vendor.driver().findElement(By.id("problems")).getText())
                    .contains("Is the model tested for leakage of training data and system prompts?")
                    .doesNotContain("ms-");
            assertThat(vendor.driver()
                            .findElement(By.id("question-" + DEFENCES))
                            .getAttribute("class"))
                    .contains("q-missing");
            vendor.waitFor(inView("question-" + DEFENCES));
            states(vendor, "problem");

            // someone else saves the same answer meanwhile (another tab): both answers shown, the vendor chooses
            vendor.type(By.id("answer-ms-notes"), "Tested quarterly by an external firm.");
            vendor.driver().findElement(By.id("answer-ms-notes")).sendKeys(Keys.TAB);
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("save-ms-notes"), "Saved"));
            assertThat(new Http(port)
                            .put(
                                    link.path() + "/answers/ms-notes",
                                    null,
                                    "{\"value\": \"Tested once a year.\", \"version\": 0}")
                            .statusCode())
                    .isEqualTo(200);
            // (select and overwrite: clearing first would save an empty answer of its own)
            vendor.driver()
                    .findElement(By.id("answer-ms-notes"))
                    .sendKeys(Keys.chord(Keys.CONTROL, "a"), "Tested quarterly; reports on request.", Keys.TAB);
            vendor.waitFor(
                    ExpectedConditions.textToBe(By.id("yours-ms-notes"), "Tested quarterly; reports on request."));
            assertThat(vendor.driver().findElement(By.id("theirs-ms-notes")).getText())
                    .isEqualTo("Tested once a year.");
            states(vendor, "conflict");
            vendor.click(By.id("keep-mine-ms-notes"));
            vendor.waitFor(storedText(id, "ms-notes", "\"Tested quarterly; reports on request.\""));

            vendor.click(By.cssSelector(box("filtering")));
            vendor.click(By.cssSelector("input[name='ms-leakage'][value='yes']"));
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("progress-text"), "2 of 2 required questions answered"));
            vendor.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".q-missing")));
            vendor.click(By.id("submit"));
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Submitted"));
            assertThat(vendor.driver().findElement(By.id("done")).getText())
                    .contains("Answers submitted")
                    .contains(organisation.name());
            states(vendor, "submitted");
        }
        assertThat(service.get(id).getState()).isEqualTo(Assessment.State.SUBMITTED);
        assertThat(PortalService.parse(service.answers(id).get(DEFENCES).getValue()))
                .isEqualTo(PortalService.parse("[\"filtering\"]"));
    }

    /** axe light and dark, and screenshots at a phone's, a laptop's and a wide screen's width. */
    private void states(Browser browser, String state) throws Exception {
        for (boolean dark : List.of(false, true)) {
            scheme(browser.driver(), dark);
            Accessibility.assertNoSeriousViolations(
                    browser.driver(), "vendor portal, " + state + (dark ? ", dark" : ""));
            for (int width : List.of(375, 1280, 1920)) {
                browser.driver().manage().window().setSize(new Dimension(width, 900));
                fullPage(
                        browser.driver(),
                        Path.of(
                                "target",
                                "e2e",
                                "portal",
                                "portal-" + state + "-" + width + (dark ? "-dark" : "") + ".png"));
            }
        }
        scheme(browser.driver(), false);
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    /** The whole page, not only the window, as Chromium's own full-page capture. */
    private static void fullPage(WebDriver driver, Path file) throws Exception {
        Map<String, Object> metrics = ((HasCdp) driver).executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> shot = ((HasCdp) driver)
                .executeCdpCommand(
                        "Page.captureScreenshot",
                        Map.of(
                                "captureBeyondViewport",
                                true,
                                "clip",
                                Map.of(
                                        "x",
                                        0,
                                        "y",
                                        0,
                                        "width",
                                        size.get("width"),
                                        "height",
                                        Math.min(size.get("height").doubleValue(), 6000),
                                        "scale",
                                        1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static void scheme(WebDriver driver, boolean dark) {
        ((HasCdp) driver)
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of(
                                "features",
                                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    private static Object js(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    private static String box(String value) {
        return "input[name='" + DEFENCES + "'][value='" + value + "']";
    }

    private static ExpectedCondition<Boolean> inView(String elementId) {
        return driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("const r = document.getElementById('" + elementId
                        + "').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2;");
    }

    /** Waits until the stored answer to the defences question is exactly these options. */
    private ExpectedCondition<Boolean> stored(long id, List<String> options) {
        List<String> quoted = new ArrayList<>();
        options.forEach(o -> quoted.add("\"" + o + "\""));
        return storedText(id, DEFENCES, "[" + String.join(",", quoted) + "]");
    }

    private ExpectedCondition<Boolean> storedText(long id, String question, String json) {
        return new ExpectedCondition<>() {
            @Override
            public Boolean apply(WebDriver driver) {
                AssessmentAnswer answer = service.answers(id).get(question);
                return answer != null && PortalService.parse(answer.getValue()).equals(PortalService.parse(json));
            }

            @Override
            public String toString() {
                AssessmentAnswer answer = service.answers(id).get(question);
                return question + " stored as " + json + " (is " + (answer == null ? "none" : answer.getValue()) + ")";
            }
        };
    }
}
