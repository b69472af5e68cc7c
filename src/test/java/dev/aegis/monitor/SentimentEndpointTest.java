package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.monitor.sentiment.SentimentTelemetry;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo model's endpoint in the running app: the monitor's chain, its limits, and its own telemetry. */
@AegisTest
class SentimentEndpointTest {

    static final String PREDICT = "/monitor/v1/models/sentiment/predict";

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    SentimentIngestion telemetry;

    @Autowired
    WindowAggregator aggregator;

    @Autowired
    JdbcTemplate jdbc;

    Http http() {
        return new Http(port);
    }

    static String body(String text) {
        return "{\"text\": \"" + text + "\"}";
    }

    @Test
    void the_sentiment_endpoint_takes_monitor_tokens_only_and_answers_vader_scores() {
        var anonymous = http().post(PREDICT, null, body("VADER is smart, handsome, and funny."));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        String token = fixtures.token(uniqueName("sentiment"));
        var answer = http().post(PREDICT, token, body("VADER is smart, handsome, and funny."));
        assertThat(answer.statusCode()).isEqualTo(200);
        var json = Http.json(answer);
        assertThat(json.path("label").asString()).isEqualTo("positive");
        assertThat(json.path("compound").asDouble()).isEqualTo(0.8316);
        assertThat(json.path("pos").asDouble()).isEqualTo(0.746);
        assertThat(json.path("neu").asDouble()).isEqualTo(0.254);
        assertThat(json.path("neg").asDouble()).isEqualTo(0.0);
    }

    @Test
    void an_over_long_text_is_a_bad_request_naming_the_field() {
        String token = fixtures.token(uniqueName("sentiment"));
        var answer = http().post(PREDICT, token, body("a".repeat(5_001)));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("text");
    }

    @Test
    void one_client_calling_too_often_is_told_when_to_come_back() {
        String token = fixtures.token(uniqueName("sentiment"));
        HttpResponse<String> last = null;
        // the default bucket holds 20 calls and refills 10 a second: back-to-back calls empty it
        for (int i = 0; i < 500; i++) {
            last = http().post(PREDICT, token, body("Not bad at all."));
            if (last.statusCode() != 200) {
                break;
            }
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(Http.json(last).path("status").asInt()).isEqualTo(429);
    }

    @Test
    void predictions_through_the_endpoint_appear_as_traffic_of_the_sentiment_deployment() {
        String token = fixtures.token(uniqueName("sentiment"));
        var before = Instant.now();
        for (int i = 0; i < 5; i++) {
            assertThat(http().post(PREDICT, token, body("The food was great " + "!".repeat(i)))
                            .statusCode())
                    .isEqualTo(200);
        }
        telemetry.flush();
        aggregator.flush();

        // the calls were kept as events of the deployment the model registered for itself
        Long events = jdbc.queryForObject(
                "select count(*) from monitor.event e join monitor.deployment d "
                        + "on d.id = e.deployment_id where d.name = ? and e.ts >= ? and e.predicted_label = 'positive' "
                        + "and (e.features->>'text_length')::int between 19 and 23",
                Long.class,
                SentimentTelemetry.DEPLOYMENT,
                java.sql.Timestamp.from(before.minusSeconds(1)));
        assertThat(events).isGreaterThanOrEqualTo(5);

        var deployment = Http.json(http().get("/monitor/v1/deployments/" + SentimentTelemetry.DEPLOYMENT, token));
        assertThat(deployment.path("features").get(0).path("name").asString()).isEqualTo("text_length");
        assertThat(deployment.path("reference").path("kind").asString()).isEqualTo("TIME_RANGE");

        var windows = Http.json(http().get(
                        "/monitor/v1/deployments/" + SentimentTelemetry.DEPLOYMENT
                                + "/windows?resolution=5m&from=" + Resolution.FIVE_MINUTES.floor(before) + "&to="
                                + Instant.now().plusSeconds(300),
                        token));
        long traffic = 0;
        for (var w : windows) {
            traffic += w.path("count").asLong();
        }
        assertThat(traffic).isGreaterThanOrEqualTo(5);
    }
}
