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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The AIMS screens on the demo register, in headless Chromium: the clinic assistant's impact assessment (register and
 * page, with its flagged high impact) as the officer and the auditor, a nonconformity raised from a telemetry finding's
 * page, the management review with its objectives input and the internal audits register; axe on the new pages;
 * photographs at 1280 and 1920 px into {@code target/screenshots/aims/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AimsScreensBrowserTest {

    static final String PASSWORD = "Demo-Screens-Walnut-42";
    static final int[] WIDTHS = {1280, 1920};
    static final Path OUT = Path.of("target", "screenshots", "aims");
    static final String DATABASE = "aegis_aims_" + Long.toHexString(System.nanoTime());

    RunningAegis aegis;
    Browser browser;
    String base;
    JdbcTemplate jdbc;

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
        jdbc = aegis.context().getBean(JdbcTemplate.class);
        base = "http://localhost:" + aegis.port();
        Files.createDirectories(OUT);
        browser = Browser.open(profile, "aims");
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
    void the_officer_reads_the_clinic_assessment_with_its_flag_and_raises_a_nonconformity_from_a_finding()
            throws Exception {
        signIn("demo-officer");
        browser.get(base + "/aims/impact-assessments");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-impact-assessments")));
        settle();
        photograph("officer", "impact-assessments");
        Accessibility.assertNoSeriousViolations(browser.driver(), "impact assessments register");

        long ia = jdbc.queryForObject("select id from aims.impact_assessment where reference = 'IA-001'", Long.class);
        browser.get(base + "/aims/impact-assessment/" + ia);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-ia-impacts")));
        assertThat(browser.driver().findElement(By.id("aims-ia-flag")).getText())
                .startsWith("1 high impact names no risk");
        settle();
        photograph("officer", "impact-assessment");
        Accessibility.assertNoSeriousViolations(browser.driver(), "impact assessment page");

        browser.click(By.id("aims-ia-revise"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-ia-edit")));
        browser.click(By.id("aims-ia-edit"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-ia-impact-rows")));
        settle();
        photograph("officer", "impact-assessment-draft");

        long finding = jdbc.queryForObject("select min(id) from finding.finding", Long.class);
        browser.get(base + "/findings/" + finding);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("finding-raise-nc")));
        browser.click(By.id("finding-raise-nc"));
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-nc-title")));
        settle();
        photograph("officer", "nonconformity-from-finding");

        browser.get(base + "/aims/reviews");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-reviews")));
        long review = jdbc.queryForObject("select min(id) from aims.management_review", Long.class);
        browser.get(base + "/aims/review/" + review);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-review-inputs")));
        assertThat(browser.driver().findElement(By.id("aims-review-inputs")).getText())
                .contains("AI objectives")
                .doesNotContain("keeps no objectives register");
        settle();
        photograph("officer", "management-review");
    }

    @Test
    void the_auditor_reads_the_assessment_and_the_audits_without_writing_buttons() throws Exception {
        signIn("demo-auditor");
        long ia = jdbc.queryForObject("select id from aims.impact_assessment where reference = 'IA-001'", Long.class);
        browser.get(base + "/aims/impact-assessment/" + ia);
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-ia-impacts")));
        assertThat(browser.driver().findElements(By.id("aims-ia-revise"))).isEmpty();
        settle();
        photograph("auditor", "impact-assessment");
        browser.get(base + "/aims/audits");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-audits")));
        settle();
        photograph("auditor", "internal-audits");
    }

    @Test
    void the_aims_registers_fit_1280_px_with_dates_and_names_kept_whole() throws Exception {
        signIn("demo-officer");
        for (String register :
                new String[] {"nonconformities", "objectives", "changes", "competence", "roles", "policies", "reviews"
                }) {
            browser.get(base + "/aims/" + register);
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-grid")));
            settle();
            photograph("officer", register);
        }
        browser.get(base + "/aims/nonconformities");
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("aims-ncs")));
        settle();
        Object sideways = ((JavascriptExecutor) browser.driver())
                .executeScript("const t = document.getElementById('aims-ncs').$.table;"
                        + " return t.scrollWidth - t.clientWidth;");
        assertThat(((Number) sideways).intValue())
                .as("the nonconformities register scrolls sideways at 1280 px")
                .isLessThanOrEqualTo(1);
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

    private void photograph(String role, String name) throws Exception {
        for (int width : WIDTHS) {
            browser.driver().manage().window().setSize(new Dimension(width, 1000));
            settle();
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
