package dev.aegis.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import dev.aegis.Browser;
import dev.aegis.Http;
import dev.aegis.RunningAegis;
import dev.aegis.shared.db.ModuleMigrations;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * The monitor alone (AEGIS_MODE=monitor), started as {@code java -jar} starts it on a database of its own: none of the
 * register exists (beans, schemas, routes, API), and the monitor works with nothing but its own modules — first
 * start, monitor tokens made over the Aegis API, deployments, ingestion, windows, figures, alerts, the sentiment
 * model and the metrics, all over real HTTP.
 */
class MonitorAloneIntegrationTest {

    static final String SERVER = System.getenv().getOrDefault("AEGIS_TEST_DB_SERVER", "localhost:5432");
    static final String USER = System.getenv().getOrDefault("AEGIS_TEST_DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("AEGIS_TEST_DB_PASSWORD", "");
    static final String ADMIN_PASSWORD = "Juniper-Compass-Orchard-71";
    static final String BOOTSTRAP_TOKEN = "aeg_monitor-alone-test-token-0123456789";
    static final List<String> REGISTER = List.of(
            "framework", "inventory", "risk", "control", "vendor", "telemetry", "evidence", "finding", "notification");

    static String database;
    static RunningAegis monitor;

    @BeforeAll
    static void startTheMonitorAlone() {
        database = "aegis_monitor_alone_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        monitor = RunningAegis.start(
                "aegis.mode=monitor",
                "spring.datasource.url=jdbc:postgresql://" + SERVER + "/" + database,
                "spring.datasource.username=" + USER,
                "spring.datasource.password=" + PASSWORD,
                "aegis.admin-password=" + ADMIN_PASSWORD,
                "aegis.bootstrap-token=" + BOOTSTRAP_TOKEN,
                // the audit module's test entity (dev.aegis.audit.Gadget) lives in a schema of its own
                "aegis.modules.schemas=shared,security,audit,monitor,testfixture",
                "vaadin.devmode.devTools.enabled=false");
    }

    @AfterAll
    static void stopAndDropItsDatabase() throws Exception {
        try {
            if (monitor != null) {
                monitor.close();
            }
        } finally {
            try (Connection c =
                            DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, PASSWORD);
                    var st = c.createStatement()) {
                st.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    Http http() {
        return new Http(monitor.port());
    }

    @Test
    void no_bean_of_a_register_module_exists() {
        ConfigurableApplicationContext context = monitor.context();
        List<String> registerBeans = new ArrayList<>();
        for (String name : context.getBeanFactory().getBeanDefinitionNames()) {
            BeanDefinition definition = context.getBeanFactory().getBeanDefinition(name);
            Class<?> type = context.getType(name);
            String className = type != null ? type.getName() : String.valueOf(definition.getBeanClassName());
            if (REGISTER.stream().anyMatch(module -> className.startsWith("dev.aegis." + module + "."))) {
                registerBeans.add(name + " (" + className + ")");
            }
        }
        assertThat(registerBeans).isEmpty();
        assertThat(context.getBeanNamesForType(FigureEvaluation.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(IngestService.class)).hasSize(1);
    }

    @Test
    void no_schema_of_a_register_module_is_migrated() {
        assertThat(monitor.context().getBean(ModuleMigrations.class).schemas())
                .containsExactlyInAnyOrder("shared", "security", "audit", "monitor", "testfixture");
        List<String> schemas = jdbc().queryForList(
                        "select schema_name from information_schema.schemata where schema_name not like 'pg\\_%' "
                                + "and schema_name not in ('information_schema', 'public')",
                        String.class);
        assertThat(schemas)
                .containsExactlyInAnyOrder("shared", "security", "audit", "monitor", "testfixture")
                .doesNotContainAnyElementsOf(REGISTER);
    }

    @Test
    void vaadin_serves_no_register_screen_and_the_monitor_screens() {
        ServletContext servletContext = ((WebApplicationContext) monitor.context()).getServletContext();
        var routes = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext))
                .getRegisteredRoutes();
        List<String> views = routes.stream()
                .map(route -> route.getNavigationTarget().getName())
                .toList();
        assertThat(views)
                .contains(
                        "dev.aegis.monitor.ui.MonitorView",
                        "dev.aegis.monitor.ui.DeploymentView",
                        "dev.aegis.security.ui.LoginView",
                        "dev.aegis.audit.ui.AuditView");
        assertThat(views).noneMatch(view -> REGISTER.stream().anyMatch(m -> view.startsWith("dev.aegis." + m + ".")));
    }

    @Test
    void the_register_api_is_not_there() {
        assertThat(http().get("/api/v1/risks", BOOTSTRAP_TOKEN).statusCode()).isEqualTo(404);
        assertThat(http().get("/api/v1/ai-systems", BOOTSTRAP_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/frameworks", BOOTSTRAP_TOKEN).statusCode())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/audit/verify", BOOTSTRAP_TOKEN).statusCode())
                .isEqualTo(200);
    }

    @Test
    void an_administrator_makes_a_monitor_token_and_events_become_windows_figures_and_an_alert() throws Exception {
        var made = http().post("/api/v1/monitor/tokens", BOOTSTRAP_TOKEN, "{\"name\": \"model-server\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        String token = Http.json(made).path("token").asString();
        assertThat(http().get("/monitor/v1/deployments", BOOTSTRAP_TOKEN).statusCode())
                .as("a personal API token is no monitor token")
                .isEqualTo(401);

        String name = MonitorFixtures.uniqueName("alone");
        assertThat(http().post("/monitor/v1/deployments", token, MonitorFixtures.deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);

        // a reference of balanced selection, then an hour in which group f is selected far more often than m
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(1));
        Random random = new Random(5);
        List<String> reference = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String group = i % 2 == 0 ? "f" : "m";
            reference.add(FigureEvaluationTest.event(
                    "ref-" + i,
                    start.minus(Duration.ofDays(1)),
                    40 + 10 * random.nextGaussian(),
                    "north",
                    i % 4 < 2 ? "1" : "0",
                    group));
            boolean selected = group.equals("f") ? i % 10 < 8 : i % 10 < 2;
            current.add(FigureEvaluationTest.event(
                    "cur-" + i,
                    start.plusSeconds(5L * i),
                    48 + 10 * random.nextGaussian(),
                    "north",
                    selected ? "1" : "0",
                    group));
        }
        var referenceAnswer = http().post(
                        "/monitor/v1/deployments/" + name + "/events?reference=validation",
                        token,
                        MonitorFixtures.batch(reference));
        assertThat(referenceAnswer.statusCode()).isEqualTo(202);
        var answer = http().post("/monitor/v1/deployments/" + name + "/events", token, MonitorFixtures.batch(current));
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(Http.json(answer).path("accepted").asInt()).isEqualTo(400);

        // aggregation and evaluation run on schedules; here they run now, on the window the events fell into
        monitor.context().getBean(WindowAggregator.class).flush();
        monitor.context().getBean(FigureEvaluation.class).evaluate(end);
        monitor.context().getBean(AlertService.class).evaluate(end);

        var windows = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/windows?resolution=1h&from=" + start + "&to=" + end,
                        token));
        assertThat(windows.size()).isEqualTo(1);
        assertThat(windows.get(0).path("count").asLong()).isEqualTo(400);

        var parity = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/figures?resolution=1h"
                                + "&metric=DEMOGRAPHIC_PARITY_DIFFERENCE&from=" + start + "&to=" + end,
                        token));
        assertThat(parity.size()).isEqualTo(1);
        assertThat(parity.get(0).path("value").asDouble()).isGreaterThan(0.5);
        var psi = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/figures?resolution=1h&metric=PSI&from=" + start + "&to="
                                + end,
                        token));
        assertThat(psi.findValuesAsString("subject")).contains("age");

        var alerts = Http.json(http().get("/monitor/v1/alerts?state=OPEN&deployment=" + name, token));
        List<String> opened = new ArrayList<>();
        alerts.forEach(alert -> opened.add(alert.path("metric").asString()));
        assertThat(opened).contains("DEMOGRAPHIC_PARITY_DIFFERENCE");

        assertThat(http().get("/monitor/v1/metrics", token).body()).contains("aegis_monitor_events_accepted_total");
        assertThat(monitor.get("/actuator/prometheus", BOOTSTRAP_TOKEN).statusCode())
                .isEqualTo(200);
        // the token's making is in the audit log, which the monitor alone keeps too
        assertThat(jdbc().queryForObject(
                                "select count(*) from audit.audit_entry where object_type = 'MonitorToken'",
                                Long.class))
                .isPositive();
    }

    @Test
    void the_sentiment_model_answers_a_monitor_token() {
        String token = Http.json(http().post("/api/v1/monitor/tokens", BOOTSTRAP_TOKEN, "{\"name\": \"sentiment\"}"))
                .path("token")
                .asString();
        var answer =
                http().post("/monitor/v1/models/sentiment/predict", token, "{\"text\": \"I love this, it is great!\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Http.json(answer).path("label").asString()).isEqualTo("positive");
    }

    @Test
    void the_first_administrator_signs_in_changes_the_one_time_password_and_sees_only_the_monitor_side(
            @TempDir Path profile) throws Exception {
        try (Browser browser = Browser.open(profile, "monitor-alone")) {
            browser.get("http://localhost:" + monitor.port() + "/");
            browser.waitFor(ExpectedConditions.urlContains("/login"));
            browser.signIn("admin", ADMIN_PASSWORD);
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#current-password input")));
            String chosen = "Lantern-Meadow-Quartz-64";
            browser.type(By.cssSelector("#current-password input"), ADMIN_PASSWORD);
            browser.type(By.cssSelector("#new-password input"), chosen);
            browser.type(By.cssSelector("#repeat-password input"), chosen);
            browser.click(By.id("change-password"));
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
            // the landing page speaks of the monitor, not of a register this instance does not have
            browser.waitFor(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("monitor-card"), "Open the monitor"));
            browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("main-nav"), "Monitor"));
            String menu = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("main-nav")))
                    .getText();
            assertThat(Arrays.asList(menu.split("\\R")))
                    .contains("Monitor")
                    .doesNotContain("AI systems", "Risks", "Controls", "Vendors");

            browser.click(By.xpath("//vaadin-side-nav-item[contains(., 'Monitor')]"));
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("deployments-grid")));
            browser.saveScreenshot(Path.of("target", "e2e", "monitor-alone.png"));
            // a bookmark of the Monitor screen loads it too (only the monitor's API is kept from Vaadin)
            browser.get("http://localhost:" + monitor.port() + "/monitor");
            browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("deployments-grid")));
        }
    }

    private static JdbcTemplate jdbc() {
        return monitor.context().getBean(JdbcTemplate.class);
    }
}
