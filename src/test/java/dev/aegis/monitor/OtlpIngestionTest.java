package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OpenTelemetry GenAI spans in over OTLP/HTTP (JSON): a golden payload shaped as the Python OpenAI instrumentation
 * exports it, with a call that carries prompt and response, a failed call, a span with a bad token count, an HTTP span
 * that is no LLM call and a resource no deployment is registered for.
 */
@AegisTest
class OtlpIngestionTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void genai_spans_become_events_of_the_service_s_deployment_and_the_refused_ones_are_named() throws Exception {
        String token = fixtures.token();
        String name = uniqueName("chatbot");
        Http http = new Http(port);
        assertThat(http.post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        long end1 = Instant.now().minusSeconds(120).toEpochMilli() * 1_000_000L;
        long end2 = end1 + 5_000_000_000L;
        String payload = new String(
                        getClass()
                                .getResourceAsStream("/otlp/genai-traces.json")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("${deployment}", name)
                .replace("${start1}", Long.toString(end1 - 1_250_000_000L))
                .replace("${end1}", Long.toString(end1))
                .replace("${start2}", Long.toString(end2 - 40_000_000L))
                .replace("${end2}", Long.toString(end2));

        var answer = http.post("/monitor/v1/otlp/v1/traces", token, payload);

        assertThat(answer.statusCode()).isEqualTo(200);
        var partial = Http.json(answer).path("partialSuccess");
        assertThat(partial.path("rejectedSpans").asString()).isEqualTo("2");
        assertThat(partial.path("errorMessage").asString())
                .contains("ccc19b7ec3c1b176", "token count")
                .contains("nobody-registered-this");

        long id = jdbc.queryForObject("select id from monitor.deployment where name = ?", Long.class, name);
        var rows = jdbc.queryForList(
                "select request_id, latency_ms, error, error_class, llm::text as llm from monitor.event "
                        + "where deployment_id = ? order by request_id",
                id);
        assertThat(rows).hasSize(2);
        Map<String, Object> failed = rows.get(0);
        assertThat(failed.get("request_id")).isEqualTo("aab19b7ec3c1b175");
        assertThat(failed.get("error")).isEqualTo(true);
        assertThat(failed.get("error_class")).isEqualTo("RateLimitError");
        assertThat((Double) failed.get("latency_ms")).isEqualTo(40.0);
        Map<String, Object> ok = rows.get(1);
        assertThat(ok.get("request_id")).isEqualTo("eee19b7ec3c1b174");
        assertThat(ok.get("error")).isEqualTo(false);
        assertThat((Double) ok.get("latency_ms")).isEqualTo(1250.0);
        var llm = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(ok.get("llm").toString());
        assertThat(llm.path("model").asString()).isEqualTo("test-model");
        assertThat(llm.path("provider").asString()).isEqualTo("openai");
        assertThat(llm.path("inputTokens").asLong()).isEqualTo(1000);
        assertThat(llm.path("outputTokens").asLong()).isEqualTo(200);
        assertThat(llm.path("finishReason").asString()).isEqualTo("stop");
        // 1,000 × 2 + 200 × 10 per million (the test price table)
        assertThat(llm.path("cost").asDouble()).isEqualTo(0.004);
        assertThat(llm.path("injectionScore").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(llm.path("refusal").asBoolean()).isTrue();
        assertThat(ok.get("llm").toString()).doesNotContain("Ignore all previous");

        assertThat(jdbc.queryForObject(
                        "select sum(event_count) from monitor.ingest where deployment_id = ?", Long.class, id))
                .as("one durable batch through the same pipeline as the batch API")
                .isEqualTo(2L);
    }

    @Test
    void a_body_that_is_no_json_is_a_400_and_no_token_is_a_401() {
        Http http = new Http(port);
        assertThat(http.post("/monitor/v1/otlp/v1/traces", fixtures.token(), "not json")
                        .statusCode())
                .isEqualTo(400);
        assertThat(http.post("/monitor/v1/otlp/v1/traces", null, "{}").statusCode())
                .isEqualTo(401);
    }
}
