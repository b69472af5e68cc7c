package dev.aegis.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Browser;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.TestAccounts;
import dev.aegis.shared.files.UploadInspector;
import dev.aegis.vendor.ReviewFixtures.Started;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole assessment in headless Chromium: a vendor manager starts an assessment and gets the private link; the
 * vendor, without an account, answers through the portal page (a conditional question appears on its answer), uploads
 * evidence and submits; the manager opens the review from the vendor's page, comments and approves. Every step waits
 * for what it needs; nothing sleeps.
 */
@AegisTest
class VendorAssessmentBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path vendorProfile;

    @TempDir
    Path managerProfile;

    @TempDir
    Path files;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AssessmentService service;

    @Autowired
    VendorService vendors;

    @Autowired
    TemplateService templates;

    @Autowired
    AiSystemService systems;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void a_vendor_answers_and_submits_through_its_link_and_the_manager_reviews_comments_and_approves()
            throws Exception {
        String base = "http://localhost:" + port;
        Started s = ReviewFixtures.start(accounts, systems, vendors, templates, service);
        long id = s.assessment().getId();
        String page = service.issueLink(id).page();
        Path evidence = files.resolve("pentest-summary.pdf");
        Files.write(evidence, PortalEvidenceApiTest.PDF);

        try (Browser vendor = Browser.open(vendorProfile, "vendor-portal")) {
            vendor.get(base + page);
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "Review review-"));
            // the conditional question is on the page but hidden until q1 is answered yes
            assertThat(vendor.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("answer-q2"))))
                    .isTrue();
            vendor.click(By.cssSelector("input[name='q1'][value='yes']"));
            // the conditional question appears once q1 is answered yes
            vendor.type(By.id("answer-q2"), "Keys in a hardware security module");
            vendor.waitFor(ExpectedConditions.elementToBeClickable(By.id("answer-q2")))
                    .sendKeys(Keys.TAB);
            vendor.waitFor(answered(id, "q2"));
            vendor.click(By.cssSelector("input[name='q3'][value='never']"));
            vendor.waitFor(answered(id, "q3"));
            vendor.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("answer-q4")))
                    .sendKeys(evidence.toString());
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#files-q4 .sha256"), UploadInspector.sha256Of(PortalEvidenceApiTest.PDF)));
            vendor.waitFor(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("files-q4"), "pentest-summary.pdf"));
            vendor.saveScreenshot(Path.of("target", "e2e", "vendor-portal.png"));
            vendor.click(By.id("submit"));
            vendor.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Submitted"));
        }
        assertThat(service.get(id).getState()).isEqualTo(Assessment.State.SUBMITTED);

        try (Browser manager = Browser.open(managerProfile, "assessment-review")) {
            manager.get(base + "/vendors");
            manager.waitFor(ExpectedConditions.urlContains("/login"));
            manager.signIn(s.manager().username(), TestAccounts.PASSWORD);
            manager.type(By.cssSelector("#vendors-search input"), s.vendor().getName());
            manager.click(
                    By.xpath("//vaadin-grid-cell-content[text()='" + s.vendor().getName() + "']"));
            manager.click(By.id("open-assessment-" + id));
            manager.waitFor(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("review-score"), "Score: 100 of 100"));
            manager.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("question-q4"), UploadInspector.sha256Of(PortalEvidenceApiTest.PDF)));
            manager.type(By.cssSelector("#comment-q2 textarea"), "Which HSM vendor?");
            manager.click(By.id("save-comment-q2"));
            manager.waitFor(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//vaadin-notification-card[contains(., 'Comment saved.')]")));
            manager.type(By.cssSelector("#review-note textarea"), "Meets our requirements.");
            manager.saveScreenshot(Path.of("target", "e2e", "assessment-review.png"));
            manager.click(By.id("approve-assessment"));
            manager.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("review-summary"), "approved"));
        }
        Assessment decided = service.get(id);
        assertThat(decided.getState()).isEqualTo(Assessment.State.APPROVED);
        assertThat(decided.getScore()).isEqualTo(100);
        assertThat(decided.getDecisionNote()).isEqualTo("Meets our requirements.");
        assertThat(service.answers(id).get("q2").getValue()).contains("hardware security module");
    }

    /** Waits until the vendor's answer to a question is stored (the page saves as it goes). */
    private ExpectedCondition<Boolean> answered(long id, String question) {
        return driver -> service.answers(id).containsKey(question);
    }
}
