package dev.aegis.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.html.Paragraph;
import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.Karibu;
import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.inventory.AiSystemFixtures;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.monitor.FigureEvaluation;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryService.Result;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The telemetry loop against the real embedded monitor, reached over HTTP at this test server's port: deployments and
 * events go in through /monitor/v1 with a monitor token, tests pull them back through the register's client.
 */
@AegisTest
@RecordApplicationEvents
class TelemetryLoopTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TelemetryService telemetry;

    @Autowired
    TestRunner runner;

    @Autowired
    MonitorClient client;

    @Autowired
    AiSystemService systems;

    @Autowired
    ControlService controls;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEvents events;
    /** Only to compute the figures of a past window now instead of waiting for the monitor's schedule. */
    @Autowired
    FigureEvaluation figureEvaluation;

    AegisUser admin;

    @AfterEach
    void signOut() {
        Karibu.close();
        TestAccounts.signOut();
    }

    Http http() {
        return new Http(port);
    }

    @Test
    void the_embedded_monitor_is_a_source_of_its_own_and_is_pulled_over_http() {
        signInAdmin();
        TelemetrySource embedded = telemetry.sources().stream()
                .filter(s -> s.getName().equals(TelemetrySource.EMBEDDED))
                .findFirst()
                .orElseThrow();
        assertThat(embedded.getBaseUrl()).isEqualTo("http://localhost:" + port);
        assertThat(client.monitor(embedded, "/monitor/v1/deployments").ok()).isTrue();
        assertThat(telemetry.source(embedded.getId()).getFailingSince()).isNull();
        assertThat(telemetry.source(embedded.getId()).getLastSuccessAt()).isNotNull();
    }

    @Test
    void a_breach_records_one_failed_result_with_its_figure_window_reference_and_bin_edges_and_a_recovery_passes()
            throws Exception {
        String token = monitorToken();
        String deployment = "credit-" + Long.toString(System.nanoTime(), 36);
        assertThat(http().post("/monitor/v1/deployments", token, deploymentJson(deployment))
                        .statusCode())
                .isEqualTo(201);
        Instant w1 = TestRunner.floor(Instant.now(), Duration.ofMinutes(5)).minus(Duration.ofMinutes(30));
        Instant w2 = w1.plus(Duration.ofMinutes(5));
        Random random = new Random(7);
        send(
                token,
                deployment + "/events?reference=validation",
                events("ref", w1.minus(Duration.ofHours(2)), 300, 0, 40, random));
        send(token, deployment + "/events", events("w1", w1, 300, 150, 60, random)); // drifted ages, half errors
        send(token, deployment + "/events", events("w2", w2, 300, 0, 40, random)); // as the reference, no errors
        awaitWindows(token, deployment, w1, w2);
        figureEvaluation.evaluate(w1.plus(Duration.ofMinutes(5)));
        figureEvaluation.evaluate(w2.plus(Duration.ofMinutes(5)));

        signInAdmin();
        long system = systems.register(AiSystemFixtures.diagnosisAssistant("Credit scorer " + deployment, "someone"))
                .getId();
        long control = appliedControl(system);
        telemetry.link(system, embedded().getId(), deployment);
        TelemetryTest drift = telemetry.defineTest(
                control, system, new TestDefinition("psi", null, Comparison.LT, 0.2, "5m", 100, null));
        TelemetryTest errors = telemetry.defineTest(
                control, system, new TestDefinition("ERROR_RATE", null, Comparison.LT, 0.05, "5m", 10, null));

        List<Result> first = runner.run(system, w1.plus(Duration.ofMinutes(5)));
        Result failedDrift = only(first, drift);
        assertThat(failedDrift.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failedDrift.figure()).isGreaterThan(0.2);
        assertThat(failedDrift.subject()).isEqualTo("age");
        assertThat(failedDrift.windowStart()).isEqualTo(w1);
        assertThat(failedDrift.windowEnd()).isEqualTo(w2);
        assertThat(failedDrift.reference()).contains("validation");
        assertThat(failedDrift.binEdges()).startsWith("[");
        assertThat(failedDrift.sampleSize()).isEqualTo(300);
        Result failedErrors = only(first, errors);
        assertThat(failedErrors.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(failedErrors.figure()).isEqualTo(0.5);
        assertThat(controls.get(control).details().lastTestResult()).isEqualTo(ControlVocabulary.TestResult.FAILED);

        assertThat(runner.run(system, w1.plus(Duration.ofMinutes(5)).plusSeconds(30)))
                .isEmpty();
        assertThat(recorded(drift, w1)).hasSize(1);
        assertThat(recorded(drift, w1).getFirst().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(recorded(drift, w1).getFirst().figure()).isEqualTo(failedDrift.figure());

        List<Result> second = runner.run(system, w2.plus(Duration.ofMinutes(5)));
        assertThat(only(second, drift).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(only(second, errors).outcome()).isEqualTo(Outcome.PASSED);
        assertThat(recorded(errors, w2)).hasSize(1);
        assertThat(controls.get(control).details().lastTestResult()).isEqualTo(ControlVocabulary.TestResult.PASSED);
        assertThat(controls.get(control).details().lastTestedOn()).isNotNull();
        assertThat(telemetry
                        .results(drift.getId(), org.springframework.data.domain.PageRequest.of(0, 10))
                        .getContent())
                .extracting(Result::outcome)
                .containsExactly(Outcome.PASSED, Outcome.FAILED);

        // the loop closed: exactly one finding for the drift test, on this system and control, which the recovery
        // lets people resolve and a new breach reopens
        dev.aegis.finding.Finding finding = driftFinding(system, drift);
        assertThat(finding.getControlId()).isEqualTo(control);
        assertThat(finding.getSystemId()).isEqualTo(system);
        assertThat(finding.isRecovered()).isTrue();
        workflow.resolve(
                finding.getId(),
                finding.getVersion(),
                "Reference window was stale",
                "Reference refreshed from last month's traffic");
        assertThat(driftFinding(system, drift).getState())
                .isEqualTo(dev.aegis.finding.FindingVocabulary.State.RESOLVED);

        Instant w3 = w2.plus(Duration.ofMinutes(5));
        send(token, deployment + "/events", events("w3", w3, 300, 0, 60, random)); // drifted again
        awaitWindows(token, deployment, w3, w3, 300);
        figureEvaluation.evaluate(w3.plus(Duration.ofMinutes(5)));
        assertThat(only(runner.run(system, w3.plus(Duration.ofMinutes(5))), drift)
                        .outcome())
                .isEqualTo(Outcome.FAILED);
        assertThat(driftFinding(system, drift).getState()).isEqualTo(dev.aegis.finding.FindingVocabulary.State.OPEN);
    }

    @Autowired
    dev.aegis.finding.FindingService findings;

    @Autowired
    dev.aegis.finding.FindingWorkflow workflow;

    /** The one finding the drift test caused on the system (fails when there are none or several). */
    private dev.aegis.finding.Finding driftFinding(long system, TelemetryTest drift) {
        List<dev.aegis.finding.Finding> found = findings
                .search(
                        new dev.aegis.finding.FindingService.Filter(null, null, system, null),
                        org.springframework.data.domain.PageRequest.of(0, 50))
                .getContent()
                .stream()
                .filter(f -> ("test:" + drift.getId()).equals(f.getCause()))
                .toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Test
    void
            an_unreachable_source_records_no_data_shows_stale_since_its_first_failure_opens_its_breaker_and_the_page_still_renders()
                    throws Exception {
        signInAdmin();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TelemetrySource down = telemetry.addSource(new SourceDetails(
                "down-" + Long.toString(System.nanoTime(), 36),
                TelemetrySource.Kind.AEGIS_MONITOR,
                "http://localhost:" + closed,
                "aegm_not-a-real-token-0000000000"));
        long system = systems.register(
                        AiSystemFixtures.diagnosisAssistant("Offline model " + down.getName(), "someone"))
                .getId();
        long control = appliedControl(system);
        telemetry.link(system, down.getId(), "anything");
        TelemetryTest test = telemetry.defineTest(
                control, system, new TestDefinition("LATENCY_P95", null, Comparison.LT, 300, "5m", 0, null));

        Instant before = Instant.now();
        List<Result> results = telemetry.runNow(system);
        assertThat(only(results, test).outcome()).isEqualTo(Outcome.NO_DATA);
        assertThat(only(results, test).note())
                .containsAnyOf("unreachable", "not called"); // the alert poll may have tried first
        TelemetrySource seen = telemetry.source(down.getId());
        assertThat(seen.getFailingSince()).isNotNull().isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(client.breakerState(down.getId())).isEqualTo("OPEN");
        assertThat(telemetry.links(system).getFirst().status().describe()).startsWith("data stale since");
        Instant firstFailure = seen.getFailingSince();
        client.monitor(seen, "/monitor/v1/deployments");
        assertThat(telemetry.source(down.getId()).getFailingSince()).isEqualTo(firstFailure);

        Karibu.signInAndOpen(context, admin);
        Karibu.navigate("systems/" + system + "?tab=telemetry"); // the telemetry tab, linked to directly
        assertThat(LocatorJ._find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.startsWith("data stale since"));

        assertThat(telemetry.staleSystems(1000))
                .extracting(TelemetryService.StaleSystem::systemId)
                .contains(system);
        Karibu.navigate("");
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("stale-telemetry-card"))
                        .getElement()
                        .getTextRecursively())
                .contains("Stale telemetry");
    }

    @Test
    void a_system_owner_links_and_tests_only_systems_they_own_and_an_auditor_only_reads() {
        signInAdmin();
        AegisUser owner = accounts.create("owner", Role.SYSTEM_OWNER);
        long own = systems.register(
                        AiSystemFixtures.diagnosisAssistant("Owned " + owner.getUsername(), owner.getUsername()))
                .getId();
        long other = systems.register(
                        AiSystemFixtures.diagnosisAssistant("Not owned " + owner.getUsername(), "someone"))
                .getId();
        long control = appliedControl(own);
        appliedControl(other);
        long source = embedded().getId();

        TestAccounts.signIn(owner);
        assertThat(telemetry.mayManage(own)).isTrue();
        assertThat(telemetry.mayManage(other)).isFalse();
        telemetry.link(own, source, "owned-deployment");
        telemetry.defineTest(control, own, new TestDefinition("ERROR_RATE", null, Comparison.LT, 0.01, "1h", 0, null));
        assertThatThrownBy(() -> telemetry.link(other, source, "someone-elses"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> telemetry.addSource(
                        new SourceDetails("mine", TelemetrySource.Kind.PROMETHEUS, "http://prometheus:9090", null)))
                .isInstanceOf(AccessDeniedException.class);

        AegisUser auditor = accounts.create("auditor", Role.AUDITOR);
        TestAccounts.signIn(auditor);
        assertThat(telemetry.links(own))
                .extracting(TelemetryService.Link::deployment)
                .containsExactly("owned-deployment");
        assertThat(telemetry.tests(own)).hasSize(1);
        assertThatThrownBy(() -> telemetry.link(own, source, "x")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> telemetry.runNow(own)).isInstanceOf(AccessDeniedException.class);

        String auditorToken = accounts.tokenFor(auditor);
        assertThat(http().get("/api/v1/systems/" + own + "/deployments", auditorToken)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().post(
                                "/api/v1/systems/" + own + "/deployments",
                                auditorToken,
                                "{\"sourceId\": " + source + ", \"deployment\": \"y\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void the_api_refuses_a_test_with_an_unknown_metric_as_a_problem_naming_the_field() {
        signInAdmin();
        long system = systems.register(AiSystemFixtures.diagnosisAssistant("Api " + System.nanoTime(), "someone"))
                .getId();
        long control = appliedControl(system);
        String token = accounts.tokenFor(admin);
        var answer = http().post("/api/v1/telemetry/tests", token, """
                {"controlId": %d, "systemId": %d, "metric": "vibes", "comparison": "LT", "threshold": 1, "window": "1h"}""".formatted(control, system));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(answer.body()).contains("metric");
        var made = http().post("/api/v1/telemetry/tests", token, """
                {"controlId": %d, "systemId": %d, "metric": "PSI", "comparison": "LT", "threshold": 0.2, "window": "1h"}""".formatted(control, system));
        assertThat(made.statusCode()).isEqualTo(201);
        long id = Http.json(made).path("id").asLong();
        assertThat(http().get("/api/v1/telemetry/tests/" + id + "/results", token)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http().get("/api/v1/telemetry/sources", token).body()).doesNotContain("aegm_");
    }

    // helpers

    private void signInAdmin() {
        if (admin == null) {
            admin = accounts.create("telemetry-admin", Role.ADMIN);
        }
        TestAccounts.signIn(admin);
    }

    private TelemetrySource embedded() {
        return telemetry.sources().stream()
                .filter(s -> s.getName().equals(TelemetrySource.EMBEDDED))
                .findFirst()
                .orElseThrow();
    }

    private long appliedControl(long system) {
        var c = controls.create(new ControlDetails(
                "Watch drift " + System.nanoTime(),
                "PSI per feature",
                ControlType.DETECTIVE,
                "officer",
                ImplementationStatus.IMPLEMENTED,
                null,
                TestFrequency.CONTINUOUS,
                null,
                null,
                Map.of(),
                Set.of()));
        controls.apply(c.getId(), List.of(system), null);
        return c.getId();
    }

    private String monitorToken() {
        String personal = accounts.tokenFor(accounts.create("monitor-admin", Role.ADMIN));
        var made = http().post("/api/v1/monitor/tokens", personal, "{\"name\": \"telemetry-test\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        return Http.json(made).path("token").asString();
    }

    private void send(String token, String path, String body) {
        var answer = http().post("/monitor/v1/deployments/" + path, token, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(Http.json(answer).path("rejected").asInt()).as(answer.body()).isZero();
    }

    /** Aggregation is asynchronous (about a second): wait until both windows are counted. */
    private void awaitWindows(String token, String deployment, Instant w1, Instant w2) throws InterruptedException {
        awaitWindows(token, deployment, w1, w2, 600);
    }

    private void awaitWindows(String token, String deployment, Instant w1, Instant w2, long expected)
            throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var body = Http.json(http().get(
                            "/monitor/v1/deployments/" + deployment + "/windows?resolution=5m&from=" + w1 + "&to="
                                    + w2.plus(Duration.ofMinutes(5)),
                            token));
            long counted = 0;
            for (var w : body) {
                counted += w.path("count").asLong();
            }
            if (counted == expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the monitor did not aggregate the events");
    }

    private static String events(String prefix, Instant at, int n, int errors, double meanAge, Random random) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add("""
                    {"requestId": "%s-%d", "timestamp": "%s", "latencyMs": %d, "outcome": "%s", "features": {"age": %.2f}}""".formatted(
                            prefix,
                            i,
                            at.plusMillis(i * 500L),
                            20 + i % 30,
                            i < errors ? "error" : "ok",
                            meanAge + 8 * random.nextGaussian()));
        }
        return "[" + String.join(",", list) + "]";
    }

    private static String deploymentJson(String name) {
        return """
                {"name": "%s", "modelVersion": "1.0.0", "owner": "Credit team", "description": "Scores applications",
                 "features": [{"name": "age", "kind": "NUMERIC"}], "labels": ["0", "1"], "hasScore": false,
                 "protectedAttributes": [], "latencyBudgetMs": null, "reference": {"kind": "BATCH", "batch": "validation"}}""".formatted(name);
    }

    private static Result only(List<Result> results, TelemetryTest test) {
        List<Result> of =
                results.stream().filter(r -> r.testId() == test.getId()).toList();
        assertThat(of).hasSize(1);
        return of.getFirst();
    }

    private List<ControlTestRecorded> recorded(TelemetryTest test, Instant windowStart) {
        return events.stream(ControlTestRecorded.class)
                .filter(e -> e.testId() == test.getId() && e.windowStart().equals(windowStart))
                .toList();
    }
}
