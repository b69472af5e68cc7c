package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * KServe's inference logger over real HTTP: CloudEvents in binary mode as the KServe agent sends them (ce-* headers,
 * the v1 or v2 payload as the body), paired by ce-id whichever half comes first.
 */
@AegisTest
class KServeLoggerTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KServeIngestion kserve;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void a_v1_response_that_comes_before_its_request_waits_and_the_pair_becomes_one_event_per_instance()
            throws Exception {
        String token = fixtures.token();
        String name = register(token);
        String id = UUID.randomUUID().toString();
        Instant asked = Instant.now().minusSeconds(10);

        var first = send(token, id, KServeIngestion.RESPONSE, name, asked.plusMillis(250), """
                {"predictions": [1, 0]}""");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(Http.json(first).path("paired").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from monitor.kserve_pending where ce_id = ?", Long.class, id))
                .as("the first half is in the database before the answer")
                .isEqualTo(1L);

        var second = send(token, id, KServeIngestion.REQUEST, name, asked, """
                {"instances": [[41.5, "north"], [30, "south"]]}""");
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(Http.json(second).path("paired").asBoolean()).isTrue();
        assertThat(Http.json(second).path("accepted").asInt()).isEqualTo(2);

        var rows = jdbc.queryForList(
                "select request_id, latency_ms, features->>'age' as age, features->>'region' as region, "
                        + "predicted_label from monitor.event where deployment_id = ? order by request_id",
                deploymentId(name));
        assertThat(rows)
                .extracting(r -> r.get("request_id") + " " + r.get("latency_ms") + " " + r.get("age") + " "
                        + r.get("region") + " " + r.get("predicted_label"))
                .containsExactly(id + "/0 250.0 41.5 north 1", id + "/1 250.0 30 south 0");
        assertThat(jdbc.queryForObject("select count(*) from monitor.kserve_pending where ce_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void open_inference_protocol_v2_tensors_give_features_by_name_and_labels_from_class_probabilities()
            throws Exception {
        String token = fixtures.token();
        String name = uniqueName("kserve-v2");
        assertThat(new Http(port)
                        .post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        String id = UUID.randomUUID().toString();
        Instant asked = Instant.now().minusSeconds(5);
        // the deployment named in the logger's URL rather than by the inference service's name
        var request = send(token, id, KServeIngestion.REQUEST, "some-isvc", asked, name, """
                {"inputs": [{"name": "age", "shape": [2], "datatype": "FP32", "data": [41.5, 30.0]},
                            {"name": "region", "shape": [2], "datatype": "BYTES", "data": ["north", "south"]}]}""");
        assertThat(request.statusCode()).isEqualTo(202);
        var response = send(token, id, KServeIngestion.RESPONSE, "some-isvc", asked.plusMillis(40), name, """
                {"model_name": "credit", "outputs": [{"name": "probabilities", "shape": [2, 2], "datatype": "FP32",
                  "data": [[0.2, 0.8], [0.9, 0.1]]}]}""");
        assertThat(response.statusCode()).isEqualTo(202);

        var rows = jdbc.queryForList(
                "select request_id, latency_ms, features->>'region' as region, predicted_label, score "
                        + "from monitor.event where deployment_id = ? order by request_id",
                deploymentId(name));
        assertThat(rows)
                .extracting(r -> r.get("request_id") + " " + r.get("latency_ms") + " " + r.get("region") + " "
                        + r.get("predicted_label") + " " + r.get("score"))
                .containsExactly(id + "/0 40.0 north 1 0.8", id + "/1 40.0 south 0 0.9");
    }

    @Test
    void a_half_whose_partner_never_comes_is_dropped_after_a_while_and_counted() throws Exception {
        String token = fixtures.token();
        String name = register(token);
        String id = UUID.randomUUID().toString();
        assertThat(send(token, id, KServeIngestion.REQUEST, name, Instant.now(), """
                                {"instances": [[41.5, "north"]]}""")
                        .statusCode())
                .isEqualTo(202);

        assertThat(kserve.dropUnpaired(Instant.now().plusSeconds(1))).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject("select count(*) from monitor.kserve_pending where ce_id = ?", Long.class, id))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from monitor.event where deployment_id = ?", Long.class, deploymentId(name)))
                .isZero();
    }

    @Test
    void an_event_of_another_type_is_refused_naming_ce_type_and_no_token_is_a_401() throws Exception {
        String token = fixtures.token();
        String name = register(token);
        assertThat(send(token, "x1", "dev.knative.example", name, Instant.now(), "{}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(send(null, "x2", KServeIngestion.REQUEST, name, Instant.now(), "{}")
                        .statusCode())
                .isEqualTo(401);
    }

    private String register(String token) {
        String name = uniqueName("kserve");
        assertThat(new Http(port)
                        .post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        return name;
    }

    private long deploymentId(String name) {
        return jdbc.queryForObject("select id from monitor.deployment where name = ?", Long.class, name);
    }

    private HttpResponse<String> send(String token, String id, String type, String isvc, Instant time, String body)
            throws Exception {
        return send(token, id, type, isvc, time, null, body);
    }

    /** As KServe's agent sends it: binary-mode CloudEvent headers, the payload as the body. */
    private HttpResponse<String> send(
            String token, String id, String type, String isvc, Instant time, String deployment, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/monitor/v1/kserve"
                        + (deployment == null ? "" : "?deployment=" + deployment)))
                .header("Content-Type", "application/json")
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-type", type)
                .header("ce-source", "http://localhost:9081/")
                .header("ce-time", time.toString())
                .header("ce-inferenceservicename", isvc)
                .header("ce-namespace", "default")
                .header("ce-component", "predictor")
                .header("ce-endpoint", "")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
