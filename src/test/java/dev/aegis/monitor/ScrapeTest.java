package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.aegis.AegisTest;
import dev.aegis.Http;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AegisTest
class ScrapeTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    ScrapeService scrapes;

    /** What a KServe/Triton-style server exposes, with the given cumulative counts. */
    static String exposition(long requests, long errors, long fast, long medium, long slow) {
        return """
                # HELP request_count_total Requests served.
                # TYPE request_count_total counter
                request_count_total{model="credit",code="200"} %d
                request_count_total{model="credit",code="500"} %d
                # TYPE request_errors_total counter
                request_errors_total{model="credit"} %d
                # TYPE request_duration_seconds histogram
                request_duration_seconds_bucket{model="credit",le="0.01"} %d
                request_duration_seconds_bucket{model="credit",le="0.1"} %d
                request_duration_seconds_bucket{model="credit",le="1.0"} %d
                request_duration_seconds_bucket{model="credit",le="+Inf"} %d
                request_duration_seconds_sum{model="credit"} 12.5
                request_duration_seconds_count{model="credit"} %d
                process_start_time_seconds 1.7e9
                """.formatted(
                        requests - errors,
                        errors,
                        errors,
                        fast,
                        fast + medium,
                        fast + medium + slow,
                        fast + medium + slow,
                        fast + medium + slow);
    }

    @Test
    void a_model_servers_prometheus_counters_become_traffic_windows() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(exposition(1000, 10, 900, 90, 10));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/metrics", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String token = fixtures.token();
            String name = uniqueName("kserve");
            Http http = new Http(port);
            http.post("/monitor/v1/deployments", token, deploymentJson(name, null));
            var added = http.post("/monitor/v1/deployments/" + name + "/scrape-targets", token, """
                    {"url": "http://127.0.0.1:%d/metrics", "requestsMetric": "request_count_total",
                     "errorsMetric": "request_errors_total", "latencyMetric": "request_duration_seconds"}""".formatted(
                            server.getAddress().getPort()));
            assertThat(added.statusCode()).isEqualTo(201);
            Instant window = Resolution.FIVE_MINUTES.floor(Instant.now()).minus(Duration.ofMinutes(40));

            scrapes.scrapeAll(window.plusSeconds(10)); // the first scrape only learns where the counters stand
            served.set(exposition(1200, 30, 900 + 100, 90 + 80, 10 + 20));
            scrapes.scrapeAll(window.plusSeconds(25));

            var windows = Http.json(http.get(
                    "/monitor/v1/deployments/" + name + "/windows?resolution=5m&from="
                            + window.minus(Duration.ofMinutes(5)) + "&to=" + window.plus(Duration.ofMinutes(10)),
                    token));
            assertThat(windows.size()).isEqualTo(1);
            var w = windows.get(0);
            assertThat(w.path("count").asLong()).isEqualTo(200);
            assertThat(w.path("errors").asLong()).isEqualTo(20);
            // 100 requests ≤ 10 ms, 80 ≤ 100 ms, 20 ≤ 1 s, counted at the bucket upper bounds: p50 10 ms, p95 1 s
            assertThat(w.path("latencyP50Ms").asDouble()).isBetween(9.9, 10.1);
            assertThat(w.path("latencyP95Ms").asDouble()).isBetween(990.0, 1010.0);

            served.set("this is { not prometheus");
            scrapes.scrapeAll(window.plusSeconds(40));
            var target = Http.json(http.get("/monitor/v1/deployments/" + name + "/scrape-targets", token))
                    .get(0);
            assertThat(target.path("lastError").asString()).contains("no Prometheus sample");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void the_text_format_reader_handles_labels_escapes_and_special_values() {
        var samples = PrometheusText.parse("""
                # comment
                a_total 3
                b{path="/x\\"y",le="+Inf"} 7 1700000000000
                c{} NaN
                d{x="1",} -Inf
                """);
        assertThat(samples).hasSize(4);
        assertThat(samples.get(1).labels()).containsEntry("path", "/x\"y").containsEntry("le", "+Inf");
        assertThat(samples.get(1).value()).isEqualTo(7);
        assertThat(samples.get(2).value()).isNaN();
        assertThat(samples.get(3).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
