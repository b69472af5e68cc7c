package dev.aegis.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.Http;
import dev.aegis.shared.Actors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The monitor loaded alone as a Spring Modulith application module, with only what it depends on ({@code shared}):
 * no security, audit or register module. Its own security chain, ingestion, windows, figures and alerts work over
 * real HTTP. (Without the security module there is no method security, so this proves the module's wiring, not its
 * permissions: those are {@code MonitorApiTest}'s and {@code MonitorAloneIntegrationTest}'s.)
 */
// shared is named explicitly: Modulith lists it as the monitor's one dependency but, shared being an open module,
// DIRECT_DEPENDENCIES alone did not scan it (no DataSource of Aegis's, no migrations)
@ApplicationModuleTest(
        mode = BootstrapMode.DIRECT_DEPENDENCIES,
        extraIncludes = "shared",
        webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"aegis.modules.schemas=shared,monitor", "vaadin.devmode.devTools.enabled=false"})
// closed after this class: a second web application (its Tomcat and monitor jobs) need not live through the whole run
@org.springframework.test.annotation.DirtiesContext
class MonitorModuleTest {

    static final List<String> OTHER_MODULES = List.of(
            "security",
            "audit",
            "framework",
            "inventory",
            "risk",
            "control",
            "vendor",
            "telemetry",
            "evidence",
            "finding",
            "notification");

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MonitorTokenService tokens;

    @Autowired
    WindowAggregator aggregator;

    @Autowired
    FigureEvaluation evaluation;

    @Autowired
    AlertService alerts;

    @Test
    void only_the_monitor_and_shared_are_loaded() {
        List<String> others = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type != null
                    && OTHER_MODULES.stream().anyMatch(m -> type.getName().startsWith("dev.aegis." + m + "."))) {
                others.add(type.getName());
            }
        }
        assertThat(others).isEmpty();
        assertThat(context.getBeanNamesForType(IngestService.class)).hasSize(1);
    }

    @Test
    void events_sent_over_http_become_windows_figures_and_an_alert_with_only_the_monitor_loaded() {
        String token = monitorToken();
        Http http = new Http(port);
        assertThat(http.get("/monitor/v1/deployments", null).statusCode()).isEqualTo(401);

        String name = MonitorFixtures.uniqueName("module");
        assertThat(http.post("/monitor/v1/deployments", token, MonitorFixtures.deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        // two hours back: the schedule evaluates only the newest complete hour, so it cannot take this window first
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(1));
        Random random = new Random(3);
        List<String> reference = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            reference.add(FigureEvaluationTest.event(
                    "ref-" + i, start.minus(Duration.ofDays(1)), 40 + 10 * random.nextGaussian(), "north", "1", "f"));
            current.add(FigureEvaluationTest.event(
                    "cur-" + i, start.plusSeconds(5L * i), 55 + 10 * random.nextGaussian(), "north", "1", "f"));
        }
        assertThat(http.post(
                                "/monitor/v1/deployments/" + name + "/events?reference=validation",
                                token,
                                MonitorFixtures.batch(reference))
                        .statusCode())
                .isEqualTo(202);
        var answer = http.post("/monitor/v1/deployments/" + name + "/events", token, MonitorFixtures.batch(current));
        assertThat(Http.json(answer).path("accepted").asInt()).isEqualTo(600);

        aggregator.flush();
        evaluation.evaluate(end);
        alerts.evaluate(end);

        var windows = Http.json(http.get(
                "/monitor/v1/deployments/" + name + "/windows?resolution=1h&from=" + start + "&to=" + end, token));
        assertThat(windows.get(0).path("count").asLong()).isEqualTo(600);
        var psi = Http.json(http.get(
                "/monitor/v1/deployments/" + name + "/figures?resolution=1h&metric=PSI&from=" + start + "&to=" + end,
                token));
        List<String> subjects = psi.findValuesAsString("subject");
        assertThat(subjects).contains("age");
        var open = Http.json(http.get("/monitor/v1/alerts?state=OPEN&deployment=" + name, token));
        List<String> opened = new ArrayList<>();
        open.forEach(alert -> opened.add(
                alert.path("metric").asString() + ":" + alert.path("subject").asString()));
        assertThat(opened).contains("PSI:age");
    }

    private String monitorToken() {
        String[] token = new String[1];
        Actors.runAs(
                "module-test-admin",
                "ADMIN",
                () -> token[0] = tokens.create("module-test").token());
        return token[0];
    }
}
