package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.aegis.AegisTest;
import dev.aegis.Http;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * OTLP span ingestion speed (docs/benchmarks.md): GenAI spans as the OpenTelemetry SDK exports them (protobuf, gzip,
 * 2,000 spans a request, model, provider, tokens, finish reason; no captured content) sent over HTTP from 4 threads;
 * every accepted span must be a row afterwards. Skipped in normal runs:
 * {@code ./mvnw -B test -Dtest=OtlpBenchmark -Daegis.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Daegis.benchmark.spans=} sets the total, 400,000 by default).
 */
@AegisTest
@EnabledIfSystemProperty(named = "aegis.benchmark", matches = "true")
class OtlpBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void otlp_spans_per_second() throws Exception {
        String token = fixtures.token();
        String name = uniqueName("otlp-bench");
        assertThat(new Http(port)
                        .post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        int perRequest = 2000;
        long total = Long.getLong("aegis.benchmark.spans", 400_000);
        int requests = (int) (total / perRequest);
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < requests; b++) {
            bodies.add(body(name, b, perRequest));
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong next = new AtomicLong();
        AtomicLong throttled = new AtomicLong();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        while (true) {
                            var answer = client.send(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://localhost:" + port + "/monitor/v1/otlp/v1/traces"))
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/x-protobuf")
                                            .header("Content-Encoding", "gzip")
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) i)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (answer.statusCode() == 429) {
                                throttled.incrementAndGet();
                                Thread.sleep(100);
                                continue;
                            }
                            assertThat(answer.statusCode()).isEqualTo(200);
                            assertThat(ExportTraceServiceResponse.parseFrom(answer.body())
                                            .getPartialSuccess()
                                            .getRejectedSpans())
                                    .isZero();
                            break;
                        }
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long id = jdbc.queryForObject("select id from monitor.deployment where name = ?", Long.class, name);
        long rows = jdbc.queryForObject("select count(*) from monitor.event where deployment_id = ?", Long.class, id);
        System.out.printf(
                "OTLP benchmark: %,d spans in %,d requests in %.2f s = %,.0f spans/s; %,d rows; %d answers 429; "
                        + "test JVM (Aegis + load generator) %.1f CPU-s; load average %.2f before, %.2f after; %d cores%n",
                (long) requests * perRequest,
                requests,
                seconds,
                requests * perRequest / seconds,
                rows,
                throttled.get(),
                cpu / 1e9,
                loadBefore,
                os.getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        assertThat(rows).isEqualTo((long) requests * perRequest);
    }

    /** One export request: 2,000 GenAI chat spans of one resource, gzip-compressed as the SDK exporter sends it. */
    private static byte[] body(String service, int batch, int spans) throws Exception {
        long end = Instant.now().minusSeconds(60).toEpochMilli() * 1_000_000L;
        var scope = ScopeSpans.newBuilder();
        ByteBuffer id = ByteBuffer.allocate(8);
        for (int i = 0; i < spans; i++) {
            id.clear();
            id.putLong(((long) batch << 32) | i);
            scope.addSpans(Span.newBuilder()
                    .setTraceId(ByteString.copyFrom(new byte[16]))
                    .setSpanId(ByteString.copyFrom(id.array()))
                    .setName("chat gpt-4o-mini")
                    .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                    .setStartTimeUnixNano(end - 400_000_000L - i * 1_000L)
                    .setEndTimeUnixNano(end + i * 1_000L)
                    .addAttributes(kv("gen_ai.operation.name", "chat"))
                    .addAttributes(kv("gen_ai.provider.name", "openai"))
                    .addAttributes(kv("gen_ai.request.model", "gpt-4o-mini"))
                    .addAttributes(kv("gen_ai.response.model", "gpt-4o-mini-2024-07-18"))
                    .addAttributes(kv("gen_ai.usage.input_tokens", 300 + i % 200))
                    .addAttributes(kv("gen_ai.usage.output_tokens", 80 + i % 50))
                    .addAttributes(kv("gen_ai.response.finish_reasons", "stop"))
                    .addAttributes(kv("server.address", "api.openai.com")));
        }
        var request = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .setResource(Resource.newBuilder().addAttributes(kv("service.name", service)))
                        .addScopeSpans(scope))
                .build();
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            request.writeTo(gzip);
        }
        return out.toByteArray();
    }

    private static KeyValue kv(String key, String value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setStringValue(value))
                .build();
    }

    private static KeyValue kv(String key, long value) {
        return KeyValue.newBuilder()
                .setKey(key)
                .setValue(AnyValue.newBuilder().setIntValue(value))
                .build();
    }
}
