package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.batch;
import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@AegisTest
class AlertEvaluationTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WindowAggregator aggregator;

    @Autowired
    AlertService alerts;

    @Autowired
    FigureService figures;

    Http http() {
        return new Http(port);
    }

    @Test
    void an_error_rate_breach_raises_an_alert_and_a_clean_window_resolves_it_both_audited() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, 100.0));
        Instant bad = Resolution.FIVE_MINUTES.floor(Instant.now()).minus(Duration.ofMinutes(30));
        Instant good = bad.plus(Duration.ofMinutes(5));
        double[] fast = new double[200];
        Arrays.fill(fast, 20);
        send(token, name, MonitorFixtures.events(uniqueName("bad"), bad, fast, 20)); // 10 % errors
        send(token, name, MonitorFixtures.events(uniqueName("good"), good, fast, 2)); // 1 %
        aggregator.flush();

        alerts.evaluate(bad.plus(Duration.ofMinutes(5)).plusSeconds(1));

        JsonNode open = alertsOf(token, name, "OPEN");
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).path("metric").asString()).isEqualTo("ERROR_RATE");
        assertThat(open.get(0).path("openingValue").asDouble()).isEqualTo(0.1);
        assertThat(open.get(0).path("windowStart").asString()).isEqualTo(bad.toString());
        // the p95 of 20 ms stays under the 100 ms budget: no latency alert
        long alertId = open.get(0).path("id").asLong();

        alerts.evaluate(good.plus(Duration.ofMinutes(5)).plusSeconds(1));

        assertThat(alertsOf(token, name, "OPEN").size()).isZero();
        JsonNode resolved = alertsOf(token, name, "RESOLVED");
        assertThat(resolved.get(0).path("id").asLong()).isEqualTo(alertId);
        assertThat(resolved.get(0).path("lastValue").asDouble()).isEqualTo(0.01);
        assertThat(jdbc.queryForList(
                        "select action from audit.audit_entry where object_type = 'MonitorAlert' "
                                + "and object_id = ? order by id",
                        String.class,
                        String.valueOf(alertId)))
                .containsExactly("RAISE", "RESOLVE");
    }

    @Test
    void a_slow_window_breaches_the_latency_budget() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, 100.0));
        Instant window = Resolution.FIVE_MINUTES.floor(Instant.now()).minus(Duration.ofMinutes(20));
        double[] slow = new double[100];
        for (int i = 0; i < slow.length; i++) {
            slow[i] = i < 90 ? 50 : 400; // p95 = 400 ms
        }
        send(token, name, MonitorFixtures.events(uniqueName("slow"), window, slow, 0));
        aggregator.flush();

        alerts.evaluate(window.plus(Duration.ofMinutes(5)));

        JsonNode open = alertsOf(token, name, "OPEN");
        assertThat(open.size()).isEqualTo(1);
        assertThat(open.get(0).path("metric").asString()).isEqualTo("LATENCY_P95");
        assertThat(open.get(0).path("openingValue").asDouble()).isBetween(396.0, 404.0);
    }

    @Test
    void rules_on_figures_alert_per_subject_respect_the_minimum_sample_and_stay_unevaluated_without_figures() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        long id = Http.json(http().get("/monitor/v1/deployments/" + name, token))
                .path("id")
                .asLong();
        Instant window = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(3));
        String edges = "[18.0, 25.0, 31.0, 38.0, 44.0, 51.0, 57.0, 63.0, 70.0]";
        String reference = "{\"kind\": \"BATCH\", \"batch\": \"validation\", \"size\": 5000}";
        figures.store(
                id,
                Resolution.ONE_HOUR,
                window,
                Metric.PSI,
                "age",
                0.31,
                "{\"shares\": []}",
                reference,
                edges,
                800L,
                5000L);
        figures.store(id, Resolution.ONE_HOUR, window, Metric.PSI, "income", 0.05, null, reference, edges, 800L, 5000L);
        figures.store(
                id, Resolution.ONE_HOUR, window, Metric.KS_P_VALUE, "age", 0.0001, null, reference, null, 300L, 5000L);

        alerts.evaluate(window.plus(Duration.ofHours(1)));

        JsonNode open = alertsOf(token, name, "OPEN");
        List<String> what = new ArrayList<>();
        open.forEach(a ->
                what.add(a.path("metric").asString() + "(" + a.path("subject").asString() + ")"));
        assertThat(what).containsExactly("PSI(age)"); // KS p < 0.01 only counts from n ≥ 500
        JsonNode rules = Http.json(http().get("/monitor/v1/deployments/" + name + "/rules", token));
        List<String> evaluated = new ArrayList<>();
        rules.forEach(r -> evaluated.add(
                r.path("metric").asString() + ":" + !r.path("lastEvaluatedAt").isNull()));
        assertThat(evaluated)
                .contains(
                        "PSI:true",
                        "KS_P_VALUE:true",
                        "JS_DISTANCE:false",
                        "DEMOGRAPHIC_PARITY_DIFFERENCE:false",
                        "ERROR_RATE:false");

        JsonNode stored = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/figures?metric=PSI&resolution=1h&from=" + window + "&to="
                                + window.plus(Duration.ofHours(1)),
                        token));
        assertThat(stored.size()).isEqualTo(2);
        assertThat(stored.get(0).path("binEdges").size()).isEqualTo(9);
        assertThat(stored.get(0).path("reference").path("batch").asString()).isEqualTo("validation");
        assertThat(stored.get(0).path("windowEnd").asString())
                .isEqualTo(window.plus(Duration.ofHours(1)).toString());
    }

    @Test
    void evaluating_rules_is_bookkeeping_and_writes_no_audit_entry_about_them() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, 100.0));
        long id = Http.json(http().get("/monitor/v1/deployments/" + name, token))
                .path("id")
                .asLong();
        Instant window = Resolution.FIVE_MINUTES.floor(Instant.now()).minus(Duration.ofMinutes(15));
        double[] fast = new double[50];
        Arrays.fill(fast, 20);
        send(token, name, MonitorFixtures.events(uniqueName("ok"), window, fast, 0));
        aggregator.flush();
        List<String> ruleIds = jdbc.queryForList(
                "select cast(id as varchar) from monitor.alert_rule where deployment_id = ?", String.class, id);

        alerts.evaluate(window.plus(Duration.ofMinutes(5)).plusSeconds(1));
        alerts.evaluate(window.plus(Duration.ofMinutes(10)).plusSeconds(1));

        assertThat(jdbc.queryForObject(
                        "select count(*) from monitor.alert_rule where deployment_id = ? "
                                + "and last_evaluated_at is not null",
                        Long.class,
                        id))
                .isPositive();
        assertThat(jdbc.queryForList(
                        "select action from audit.audit_entry where object_type = 'AlertRule' "
                                + "and object_id = any(?::text[])",
                        String.class,
                        "{" + String.join(",", ruleIds) + "}"))
                .as("only the rules' creation is audited, not their evaluation")
                .containsOnly("CREATE");
    }

    @Test
    void rules_are_added_changed_with_their_version_and_removed() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        var added = http().post(
                        "/monitor/v1/deployments/" + name + "/rules",
                        token,
                        "{\"metric\": \"accuracy\", \"comparison\": \"LT\", \"threshold\": 0.8, \"resolution\": \"1d\", "
                                + "\"minSamples\": 100}");
        assertThat(added.statusCode()).isEqualTo(201);
        long id = Http.json(added).path("id").asLong();
        assertThat(Http.json(added).path("description").asString()).isEqualTo("ACCURACY < 0.8 on 1d windows, n ≥ 100");
        assertThat(http().post(
                                "/monitor/v1/deployments/" + name + "/rules",
                                token,
                                "{\"metric\": \"nonsense\", \"comparison\": \"LT\", \"threshold\": 1}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(http().delete("/monitor/v1/rules/" + id, token).statusCode()).isEqualTo(204);
        assertThat(http().get("/monitor/v1/rules/" + id, token).statusCode()).isEqualTo(404);
    }

    private void send(String token, String name, List<String> events) {
        assertThat(http().post("/monitor/v1/deployments/" + name + "/events", token, batch(events))
                        .statusCode())
                .isEqualTo(202);
    }

    private JsonNode alertsOf(String token, String name, String state) {
        var response = http().get(
                        "/monitor/v1/alerts?deployment=" + name + "&state=" + state + "&from="
                                + Instant.now().minus(Duration.ofDays(1)),
                        token);
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response);
    }
}
