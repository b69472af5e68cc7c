package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The EU AI Act screens on the demo register, in headless Chromium: the clinic's diagnosis assistant classified
 * (high-risk, deployer) on its page as the officer and the auditor, and the questionnaire walked with the keyboard
 * as the officer; axe on both; photographs at 1280 and 1920 px into {@code target/screenshots/euaiact/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EuAiActScreensBrowserTest {

    static final String PASSWORD = "Demo-Screens-Walnut-42";
    static final int[] WIDTHS = {1280, 1920};
    static final Path OUT = Path.of("target", "screenshots", "euaiact");
    static final String DATABASE = "aegis_euaiact_" + Long.toHexString(System.nanoTime());

    RunningAegis aegis;
    Browser browser;
    String base;
    long clinic;

    @BeforeAll
    void startTheDemoAndABrowser(@TempDir Path profile) throws Exception {
        sql("create database " + DATABASE);
        String url = TestDatabase.url().substring(0, TestDatabase.url().lastIndexOf('/') + 1) + DATABASE;
        aegis = RunningAegis.start(
                "spring.datasource.url=" + url,
                "aegis.demo=true",
                "aegis.demo-password=" + PASSWORD,
                "aegis.admin-password=" + AegisTest.ADMIN_PASSWORD,
                "vaadin.devmode.devTools.enabled=false");
        JdbcTemplate jdbc = aegis.context().getBean(JdbcTemplate.class);
        clinic = jdbc.queryForObject(
                "select id from inventory.ai_system where name = 'Clinic diagnosis assistant'", Long.class);
        base = "http://localhost:" + aegis.port();
        Files.createDirectories(OUT);
        browser = Browser.open(profile, "euaiact");
    }

    @AfterAll
    void stopEverything() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            if (aegis != null) {
                aegis.close();
            }
        } finally {
            sql("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void the_officer_sees_the_clinic_assistant_classified_and_walks_the_questionnaire_with_the_keyboard()
            throws Exception {
        signIn("demo-officer");
        browser.get(base + "/systems/" + clinic + "?tab=eu-ai-act"); // the page's EU AI Act tab, linked to directly
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("eu-ai-act-outcome")));
        assertThat(browser.driver().findElement(By.id("eu-ai-act-outcome")).getText())
                .contains("High-risk")
                .contains("Deployer")
                .contains("Art. 6(1), Annex I");
        assertThat(browser.driver().findElement(By.id("eu-ai-act-duties")).getText())
                .contains("Article 26")
                .contains("2027-08-02");
        photograph("officer", "system-page");
        Accessibility.assertNoSeriousViolations(browser.driver(), "system page with its EU AI Act panel");

        browser.click(By.id("classify-system"));
        browser.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.id("questionnaire-progress"), "Step 1 of 8"));
        settle();
        photograph("officer", "questionnaire-step-1");
        // Alt+→ steps on from wherever the focus is; the answers of the last classification are filled in
        for (int i = 1; i < 4; i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_RIGHT));
            int step = i + 1;
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("questionnaire-progress"), "Step " + step + " of 8"));
        }
        settle();
        photograph("officer", "questionnaire-annex-iii");
        Accessibility.assertNoSeriousViolations(browser.driver(), "EU AI Act questionnaire");
        for (int i = 4; i < 8; i++) {
            browser.driver().switchTo().activeElement().sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_RIGHT));
            int step = i + 1;
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("questionnaire-progress"), "Step " + step + " of 8"));
        }
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("questionnaire-outcome")));
        assertThat(browser.driver().findElement(By.id("questionnaire-outcome")).getText())
                .isEqualTo("High-risk · Deployer · Art. 6(1), Annex I");
        settle();
        photograph("officer", "questionnaire-summary");
    }

    @Test
    void the_officer_sees_the_demo_serious_incident_due_soon_on_the_dashboard_and_the_system_page() throws Exception {
        signIn("demo-officer");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("incidents-due-card")));
        assertThat(browser.driver().findElement(By.id("incidents-due-card")).getText())
                .contains("Report due soon")
                .contains("INC-001 Urgent chest-pain message sorted as routine")
                .contains("left");
        assertThat(browser.driver().findElement(By.id("eu-ai-act-card")).getText())
                .contains("High-risk")
                .contains("Deployer");
        photograph("officer", "dashboard", "incidents-due-card");

        browser.get(base + "/systems/" + clinic + "?tab=eu-ai-act"); // incidents, FRIA and plan share the tab
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("incidents-grid")));
        assertThat(browser.driver().findElement(By.id("incidents")).getText())
                .contains("Report due soon: INC-001")
                .contains("Europe/Berlin");
        photograph("officer", "system-incidents", "incidents");
        photograph("officer", "system-fria-pmm", "fria");
        Accessibility.assertNoSeriousViolations(browser.driver(), "system page with incidents, FRIA and PMM plan");
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('incidents').scrollIntoView();");
        browser.click(By.id("record-incident"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("save-incident")));
        browser.click(By.id("save-incident"));
        settle();
        browser.saveScreenshot(OUT.resolve("officer").resolve("incident-form-errors-1280.png"));
    }

    @Test
    void the_officer_finds_pdf_exports_on_the_fria_incident_and_plan_panels_and_no_annex_iv_as_deployer()
            throws Exception {
        seedFriaAndPlan();
        signIn("demo-officer");
        browser.get(base + "/systems/" + clinic + "?tab=eu-ai-act");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("fria-pdf")));
        assertThat(browser.driver().findElement(By.id("annex-iv-not-offered")).getText())
                .contains("deploys this system");
        assertThat(browser.driver().findElements(By.id("annex-iv-pdf"))).isEmpty();
        photograph("officer", "annex-iv-not-offered", "annex-iv-not-offered");
        photograph("officer", "fria-with-pdf", "fria");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("evaluation-conclusion")));
        assertThat(browser.driver().findElement(By.id("evaluation-conclusion")).getText())
                .startsWith("Conclusion (");
        photograph("officer", "monitoring-evaluation", "monitoring-plan");
        ((JavascriptExecutor) browser.driver())
                .executeScript("var f = document.getElementById('evaluation-from'); f.value = '"
                        + java.time.LocalDate.now().minusDays(30) + "'; f.dispatchEvent(new Event('change'));"
                        + "var t = document.getElementById('evaluation-to'); t.value = '" + java.time.LocalDate.now()
                        + "'; t.dispatchEvent(new Event('change'));");
        settle();
        browser.click(By.id("evaluate-period"));
        settle();
        photograph("officer", "monitoring-evaluation-last-30-days", "monitoring-evaluation");
        assertThat(browser.driver().findElement(By.id("evaluation-conclusion")).getText())
                .containsPattern("\\d+ incidents? \\(\\d+ serious\\)");

        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('incidents').scrollIntoView();");
        browser.click(By.xpath("//vaadin-grid-cell-content[contains(., 'INC-001')]"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("incident-pdf")));
        settle();
        photograph("officer", "incident-dialog-with-pdf", "incident-pdf");
    }

    /** A FRIA drafted by the officer, approved by the administrator and notified; the plan written by the officer. */
    private void seedFriaAndPlan() {
        var ctx = aegis.context();
        var frias = ctx.getBean(dev.aegis.euaiact.FriaService.class);
        var plans = ctx.getBean(dev.aegis.euaiact.MonitoringPlanService.class);
        as("demo-officer", "ROLE_GOVERNANCE_OFFICER");
        try {
            if (!plans.view(clinic).plan().isPresent()) {
                plans.write(
                        clinic,
                        null,
                        new dev.aegis.euaiact.MonitoringPlanService.Content(
                                "Triage accuracy and drift of the patient messages",
                                "Complaints of patients and physicians",
                                dev.aegis.euaiact.MonitoringPlan.Cadence.MONTHLY,
                                "demo-officer",
                                "Against the accuracy the provider declares in the instructions for use",
                                "A finding per breach; a serious incident is reported under Art. 73"));
            }
            if (frias.standing(clinic).versions().isEmpty()) {
                var v1 = frias.draft(
                        clinic,
                        new dev.aegis.euaiact.FriaService.Content(
                                "Sorting of patient messages before a nurse reads them",
                                "Every message, around the clock, from 2026-01 on",
                                "Patients, in particular elderly patients and those writing in a second language",
                                "Urgent symptoms sorted as routine, so treatment is delayed",
                                "A nurse reads every message marked routine within four hours",
                                "Escalation to the duty physician; complaints through the patient office",
                                java.util.List.of()));
                as("demo-admin", "ROLE_ADMIN");
                var approved = frias.approve(v1.getId(), v1.getVersion());
                frias.notified(
                        approved.getId(), approved.getVersion(), "Landesamt für Gesundheit", java.time.LocalDate.now());
            }
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private static void as(String user, String role) {
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        user,
                        "n/a",
                        java.util.List.of(
                                new org.springframework.security.core.authority.SimpleGrantedAuthority(role))));
    }

    @Test
    void the_auditor_reads_the_classification_and_is_offered_no_questionnaire() throws Exception {
        signIn("demo-auditor");
        browser.get(base + "/systems/" + clinic);
        browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("system-tab-eu-ai-act")));
        browser.click(By.id("system-tab-eu-ai-act"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("eu-ai-act-outcome")));
        assertThat(browser.driver().findElements(By.id("classify-system"))).allMatch(b -> !b.isDisplayed());
        photograph("auditor", "system-page");
    }

    private void signIn(String user) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(WIDTHS[0], 1000));
        browser.get(base + "/");
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        settle();
        browser.signIn(user, PASSWORD);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        settle();
    }

    /** The EU AI Act panel scrolled into view (or the top of the page), at both widths. */
    private void photograph(String role, String name) throws Exception {
        photograph(role, name, "eu-ai-act");
    }

    /** The element with this id scrolled into view (or the top of the page), at both widths. */
    private void photograph(String role, String name, String element) throws Exception {
        for (int width : WIDTHS) {
            browser.driver().manage().window().setSize(new Dimension(width, 1000));
            settle();
            ((JavascriptExecutor) browser.driver())
                    .executeScript(
                            "var p = document.getElementById(arguments[0]); if (p) p.scrollIntoView();", element);
            browser.saveScreenshot(OUT.resolve(role).resolve(name + "-" + width + ".png"));
        }
        browser.driver().manage().window().setSize(new Dimension(WIDTHS[0], 1000));
    }

    private void settle() {
        browser.waitFor(driver -> (Boolean) ((JavascriptExecutor) driver)
                .executeScript("return !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())"
                        + " && !document.querySelector('vaadin-connection-indicator[loading]')"));
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://" + TestDatabase.SERVER + "/postgres",
                        TestDatabase.USER,
                        TestDatabase.PASSWORD);
                var st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
