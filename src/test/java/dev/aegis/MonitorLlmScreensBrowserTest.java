package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.monitor.FigureEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * The monitor's deployment page on the demo: the LLM chatbot shows its LLM figures over time and no drift or fairness
 * panels; the sentiment model shows drift, fairness and data quality and no LLM charts; a starter control offers its
 * suggested telemetry test. Photographed at 1280 and 1920 px into {@code target/screenshots/monitor-llm/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorLlmScreensBrowserTest {

    static final String PASSWORD = "Demo-Llm-Screens-Birch-17";
    static final Path OUT = Path.of("target", "screenshots", "monitor-llm");
    static final String DATABASE = "aegis_llm_screens_" + Long.toHexString(System.nanoTime());

    RunningAegis aegis;
    Browser browser;
    String base;

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
        base = "http://localhost:" + aegis.port();
        Files.createDirectories(OUT);
        browser = Browser.open(profile, "monitor-llm");
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
    void the_llm_deployment_shows_its_llm_figures_and_the_classic_one_its_drift_and_data_quality() throws Exception {
        JdbcTemplate jdbc = aegis.context().getBean(JdbcTemplate.class);
        FigureEvaluation evaluation = aegis.context().getBean(FigureEvaluation.class);
        // the demo's past traffic evaluated now instead of by the schedule: the newest windows of the last day
        Instant now = Instant.now();
        for (int h = 0; h < 26; h++) {
            evaluation.evaluate(now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(h)));
        }
        evaluation.evaluate(now);
        browser.get(base + "/login");
        browser.signIn("demo-officer", PASSWORD);
        EveryRouteBrowserTest.waitUntilSettled(browser);

        open("/monitor/deployments/support-chatbot");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Prompt-injection"));
        String chatbot = browser.driver().findElement(By.tagName("body")).getText();
        assertThat(svgTitles()).contains("Prompt-injection attempts and refusals", "Personal data in prompts");
        assertThat(svgTitles()).noneMatch(t -> t.startsWith("Drift"));
        assertThat(chatbot).doesNotContain("Selection rate per group");
        Accessibility.assertNoSeriousViolations(browser.driver(), "officer support-chatbot");
        photograph("support-chatbot");

        open("/monitor/deployments/sentiment-vader");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("data-quality")));
        assertThat(svgTitles()).noneMatch(t -> t.startsWith("Prompt-injection"));
        assertThat(svgTitles()).anyMatch(t -> t.startsWith("Drift over time"));
        Accessibility.assertNoSeriousViolations(browser.driver(), "officer sentiment-vader");
        photograph("sentiment-vader");

        Long control = jdbc.queryForObject("select id from control.control where starter_id = 'SC-26'", Long.class);
        open("/controls?control=" + control);
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("suggested-test")));
        Accessibility.assertNoSeriousViolations(browser.driver(), "officer control SC-26");
        photograph("control-suggested-test");
    }

    private java.util.List<String> svgTitles() {
        return browser.driver().findElements(By.cssSelector("svg.aegis-chart")).stream()
                .map(e -> e.getAttribute("aria-label"))
                .toList();
    }

    private void open(String path) {
        browser.get(base + path);
        EveryRouteBrowserTest.waitUntilSettled(browser);
    }

    private void photograph(String name) throws Exception {
        for (int width : new int[] {1280, 1920}) {
            browser.driver().manage().window().setSize(new Dimension(width, 1000));
            EveryRouteBrowserTest.waitUntilSettled(browser);
            // the page scrolls inside the app layout: as tall as the tallest scrolled content, so one picture holds it
            Number content = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("var s = 0; document.querySelectorAll('*').forEach(e => {"
                            + " if (e.clientHeight < e.scrollHeight && e.scrollHeight > s) s = e.scrollHeight; });"
                            + " return s;");
            int height = Math.max(1000, content.intValue() + 120);
            browser.driver().manage().window().setSize(new Dimension(width, Math.min(height, 4000)));
            EveryRouteBrowserTest.waitUntilSettled(browser);
            browser.saveScreenshot(OUT.resolve(name + "-" + width + ".png"));
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://" + TestDatabase.SERVER + "/postgres",
                        TestDatabase.USER,
                        TestDatabase.PASSWORD);
                var st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
