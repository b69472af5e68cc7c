package dev.aegis.telemetry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Browser;
import dev.aegis.Http;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetrySource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AegisTest
class TelemetryTabBrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    @Autowired
    TestAccounts accounts;

    @Autowired
    AiSystemService systems;

    @Autowired
    ControlService controls;

    @Autowired
    TelemetryService telemetry;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(profile, "telemetry-tab");
    }

    @AfterEach
    void closeBrowser() {
        TestAccounts.signOut();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_telemetry_tab_shows_a_linked_deployment_live_and_updates_itself_while_open() {
        AegisUser admin = accounts.create("admin", Role.ADMIN);
        Http http = new Http(port);
        String personal = accounts.tokenFor(admin);
        String token = Http.json(http.post("/api/v1/monitor/tokens", personal, "{\"name\": \"tab\"}"))
                .path("token")
                .asString();
        String deployment = "tab-" + Long.toString(System.nanoTime(), 36);
        assertThat(http.post("/monitor/v1/deployments", token, """
                {"name": "%s", "modelVersion": "1.0.0", "owner": "Credit team", "description": "Scores applications",
                 "features": [{"name": "age", "kind": "NUMERIC"}], "labels": ["0", "1"], "hasScore": false,
                 "protectedAttributes": [], "latencyBudgetMs": null, "reference": {"kind": "BATCH", "batch": "validation"}}""".formatted(deployment))
                        .statusCode())
                .isEqualTo(201);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(
                    "{\"requestId\": \"e%d\", \"timestamp\": \"%s\", \"latencyMs\": %d, \"outcome\": \"ok\", \"features\": {\"age\": 40}}"
                            .formatted(i, Instant.now().minusSeconds(60 + i), 10 + i));
        }
        assertThat(http.post(
                                "/monitor/v1/deployments/" + deployment + "/events",
                                token,
                                "[" + String.join(",", events) + "]")
                        .statusCode())
                .isEqualTo(202);

        TestAccounts.signIn(admin);
        long system = systems.register(AiSystemFixtures.diagnosisAssistant("Tab " + deployment, "someone"))
                .getId();
        var control = controls.create(new ControlDetails(
                "Watch latency " + deployment,
                null,
                ControlType.DETECTIVE,
                null,
                ImplementationStatus.IMPLEMENTED,
                null,
                TestFrequency.CONTINUOUS,
                null,
                null,
                Map.of(),
                Set.of()));
        controls.apply(control.getId(), List.of(system), null);
        long embedded = telemetry.sources().stream()
                .filter(s -> s.getName().equals(TelemetrySource.EMBEDDED))
                .findFirst()
                .orElseThrow()
                .getId();
        telemetry.link(system, embedded, deployment);
        TestAccounts.signOut();

        browser.get("http://localhost:" + port + "/systems/" + system);
        browser.waitFor(ExpectedConditions.urlContains("/login"));
        browser.signIn(admin.username(), TestAccounts.PASSWORD);
        browser.click(By.id("system-tab-telemetry")); // its tab builds the telemetry panel when first chosen
        browser.waitFor(ExpectedConditions.urlContains("tab=telemetry")); // and the address links to it
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("system-telemetry"), deployment));
        browser.waitFor(
                ExpectedConditions.textToBePresentInElementLocated(By.id("system-telemetry"), "live, last answer"));
        String first = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("telemetry-updated")))
                .getText();
        assertThat(first).startsWith("updated");

        // nobody touches the page: the server pushes the next picture by itself
        browser.waitFor((org.openqa.selenium.support.ui.ExpectedCondition<Boolean>)
                d -> !d.findElement(By.id("telemetry-updated")).getText().equals(first));
        assertThat(browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("system-telemetry")))
                        .getText())
                .contains("20 events");
    }
}
