package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.batch;
import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.event;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@AegisTest
class MonitorApiTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    TestAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WindowAggregator aggregator;

    @Autowired
    IngestLimiter limiter;

    Http http() {
        return new Http(port);
    }

    @Test
    void the_monitor_api_takes_monitor_tokens_only() {
        String personal = accounts.tokenFor(accounts.create("admin", Role.ADMIN));
        assertThat(http().get("/monitor/v1/deployments", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/monitor/v1/deployments", personal).statusCode()).isEqualTo(401);
        assertThat(http().get("/monitor/v1/deployments", "aegm_made-up-token-0000000000")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http().get("/monitor/v1/deployments", fixtures.token()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void administrators_make_monitor_tokens_over_the_aegis_api_and_others_may_not() {
        String admin = accounts.tokenFor(accounts.create("admin", Role.ADMIN));
        String officer = accounts.tokenFor(accounts.create("officer", Role.GOVERNANCE_OFFICER));

        assertThat(http().post("/api/v1/monitor/tokens", officer, "{\"name\": \"kserve\"}")
                        .statusCode())
                .isEqualTo(403);
        var made = http().post("/api/v1/monitor/tokens", admin, "{\"name\": \"kserve\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        String token = Http.json(made).path("token").asString();
        assertThat(token).startsWith("aegm_");
        assertThat(http().get("/monitor/v1/deployments", token).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select token_hash from monitor.monitor_token where id = ?",
                        String.class,
                        Http.json(made).path("id").asLong()))
                .doesNotContain(token)
                .hasSize(64);

        long id = Http.json(made).path("id").asLong();
        assertThat(http().delete("/api/v1/monitor/tokens/" + id, admin).statusCode())
                .isEqualTo(204);
        // revocation clears the monitor's short cache of checked tokens
        assertThat(http().get("/monitor/v1/deployments", token).statusCode()).isEqualTo(401);
    }

    @Test
    void a_deployment_is_registered_read_changed_with_its_version_and_removed() {
        String token = fixtures.token();
        String name = uniqueName("credit");

        var created = http().post("/monitor/v1/deployments", token, deploymentJson(name, 250.0));
        assertThat(created.statusCode()).isEqualTo(201);
        var json = Http.json(created);
        assertThat(json.path("features").get(0).path("name").asString()).isEqualTo("age");
        assertThat(json.path("features").get(1).path("kind").asString()).isEqualTo("CATEGORICAL");
        assertThat(json.path("reference").path("batch").asString()).isEqualTo("validation");
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");

        var rules = Http.json(http().get("/monitor/v1/deployments/" + name + "/rules", token));
        List<String> described = new ArrayList<>();
        rules.forEach(r -> described.add(r.path("metric").asString() + " "
                + r.path("comparison").asString() + " " + r.path("threshold").asDouble() + " n≥"
                + r.path("minSamples").asLong()));
        assertThat(described)
                .containsExactly(
                        "PSI GT 0.2 n≥0",
                        "JS_DISTANCE GT 0.1 n≥0",
                        "KS_P_VALUE LT 0.01 n≥500",
                        "DEMOGRAPHIC_PARITY_DIFFERENCE GT 0.1 n≥0",
                        "ERROR_RATE GT 0.05 n≥0",
                        "LATENCY_P95 GT 250.0 n≥0");

        assertThat(http().post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(422);
        var invalid = http().post("/monitor/v1/deployments", token, deploymentJson("Not A Name", null));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(Http.json(invalid).path("errors").get(0).path("field").asString())
                .isEqualTo("name");

        String changed = deploymentJson(name, 400.0).replace("\"1.0.0\"", "\"1.1.0\"");
        assertThat(put(name, token, "\"5\"", changed).statusCode()).isEqualTo(409);
        var updated = put(name, token, "\"0\"", changed);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(Http.json(updated).path("modelVersion").asString()).isEqualTo("1.1.0");
        var latencyRule = Http.json(http().get("/monitor/v1/deployments/" + name + "/rules", token))
                .get(5);
        assertThat(latencyRule.path("threshold").asDouble()).isEqualTo(400.0);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit.audit_entry where object_type = 'Deployment' "
                                + "and object_id = ?",
                        Long.class,
                        String.valueOf(json.path("id").asLong())))
                .isGreaterThanOrEqualTo(2);

        assertThat(http().delete("/monitor/v1/deployments/" + name, token).statusCode())
                .isEqualTo(204);
        assertThat(http().get("/monitor/v1/deployments/" + name, token).statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_batch_keeps_its_good_events_and_says_why_each_bad_one_was_refused() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        Instant now = Instant.now();
        String prefix = uniqueName("req");
        String body = batch(List.of(
                event(prefix + "-a", now, 12.5, false),
                event(prefix + "-b", now, 30, true),
                event(prefix + "-c", now, 10, false).replace("\"predictedLabel\": \"1\"", "\"predictedLabel\": \"7\""),
                event(prefix + "-d", now, 10, false).replace("41.5", "\"old\""),
                event(prefix + "-e", now.minus(Duration.ofDays(45)), 10, false),
                "{\"requestId\": \"" + prefix + "-f\"}",
                "42"));

        var response = http().post("/monitor/v1/deployments/" + name + "/events", token, body);

        assertThat(response.statusCode()).isEqualTo(202);
        var json = Http.json(response);
        assertThat(json.path("accepted").asInt()).isEqualTo(2);
        assertThat(json.path("rejected").asInt()).isEqualTo(5);
        List<String> reasons = new ArrayList<>();
        json.path("rejections")
                .forEach(r -> reasons.add(
                        r.path("index").asInt() + ":" + r.path("field").asString("")));
        assertThat(reasons).containsExactly("2:predictedLabel", "3:features.age", "4:timestamp", "5:timestamp", "6:");
        // durable before the answer: the rows are there for any other connection to read
        assertThat(jdbc.queryForList(
                        "select request_id from monitor.event where request_id like ? order by request_id",
                        String.class,
                        prefix + "%"))
                .containsExactly(prefix + "-a", prefix + "-b");
        assertThat(jdbc.queryForObject(
                        "select error_class from monitor.event where request_id = ?", String.class, prefix + "-b"))
                .isEqualTo("TimeoutError");
    }

    @Test
    void a_single_event_is_taken_and_malformed_or_oversized_bodies_are_refused_whole() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));

        var one = http().post(
                        "/monitor/v1/deployments/" + name + "/events",
                        token,
                        event(uniqueName("r"), Instant.now(), 5, false));
        assertThat(one.statusCode()).isEqualTo(202);
        assertThat(Http.json(one).path("accepted").asInt()).isEqualTo(1);

        assertThat(http().post("/monitor/v1/deployments/" + name + "/events", token, "[{\"requestId\": ")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http().post("/monitor/v1/deployments/nope-" + name + "/events", token, "[]")
                        .statusCode())
                .isEqualTo(404);
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i <= 10_000; i++) {
            big.append(i == 0 ? "" : ",").append("{}");
        }
        assertThat(http().post("/monitor/v1/deployments/" + name + "/events", token, big + "]")
                        .statusCode())
                .isEqualTo(413);
    }

    @Test
    void a_full_ingestion_queue_answers_429_with_retry_after() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        int taken = limiter.drain();
        try {
            var busy = http().post(
                            "/monitor/v1/deployments/" + name + "/events",
                            token,
                            event(uniqueName("r"), Instant.now(), 5, false));
            assertThat(busy.statusCode()).isEqualTo(429);
            assertThat(busy.headers().firstValue("Retry-After")).contains("1");
        } finally {
            limiter.give(taken);
        }
        assertThat(http().post(
                                "/monitor/v1/deployments/" + name + "/events",
                                token,
                                event(uniqueName("r"), Instant.now(), 5, false))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void late_labels_are_kept_by_request_id_and_a_later_one_replaces_the_earlier() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        String id = uniqueName("r");

        var first = http().post(
                        "/monitor/v1/deployments/" + name + "/labels",
                        token,
                        "[{\"requestId\": \"" + id
                                + "\", \"label\": \"0\"}, {\"requestId\": \"x\", \"label\": \"maybe\"}]");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(Http.json(first).path("accepted").asInt()).isEqualTo(1);
        assertThat(Http.json(first).path("rejections").get(0).path("field").asString())
                .isEqualTo("label");
        http().post(
                        "/monitor/v1/deployments/" + name + "/labels",
                        token,
                        "{\"requestId\": \"" + id + "\", \"label\": 1}");

        assertThat(jdbc.queryForObject("select label from monitor.label where request_id = ?", String.class, id))
                .isEqualTo("1");
    }

    @Test
    void windows_count_traffic_and_errors_and_give_latency_percentiles_within_one_percent() {
        String token = fixtures.token();
        String name = uniqueName("credit");
        http().post("/monitor/v1/deployments", token, deploymentJson(name, null));
        Instant window = Resolution.FIVE_MINUTES.floor(Instant.now()).minus(Duration.ofMinutes(10));
        Random random = new Random(42);
        double[] latencies = new double[3000];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = Math.exp(3 + random.nextGaussian()); // log-normal, ms
        }
        String prefix = uniqueName("w");
        for (int from = 0; from < latencies.length; from += 1000) {
            var events = MonitorFixtures.events(
                    prefix + from, window.plusSeconds(from / 10), Arrays.copyOfRange(latencies, from, from + 1000), 50);
            assertThat(http().post("/monitor/v1/deployments/" + name + "/events", token, batch(events))
                            .statusCode())
                    .isEqualTo(202);
        }
        aggregator.flush();

        var windows = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/windows?resolution=5m&from="
                                + window.minus(Duration.ofHours(1)) + "&to=" + window.plus(Duration.ofHours(1)),
                        token));
        assertThat(windows.size()).isEqualTo(1);
        var w = windows.get(0);
        assertThat(w.path("start").asString()).isEqualTo(window.toString());
        assertThat(w.path("count").asLong()).isEqualTo(3000);
        assertThat(w.path("errors").asLong()).isEqualTo(150);
        assertThat(w.path("errorRate").asDouble()).isEqualTo(0.05);
        double[] sorted = latencies.clone();
        Arrays.sort(sorted);
        for (int p : new int[] {50, 95, 99}) {
            double exact = sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
            assertThat(w.path("latencyP" + p + "Ms").asDouble()).isCloseTo(exact, within(exact * 0.01));
        }
        var hour = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/windows?resolution=1h&from="
                                + window.minus(Duration.ofHours(2)),
                        token));
        assertThat(hour.get(0).path("count").asLong()).isEqualTo(3000);

        String metrics = http().get("/monitor/v1/metrics", token).body();
        assertThat(metrics).contains("aegis_monitor_events_accepted_total");
    }

    private java.net.http.HttpResponse<String> put(String name, String token, String ifMatch, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/monitor/v1/deployments/" + name))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("If-Match", ifMatch)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
