package dev.aegis.monitor.rest;

import dev.aegis.monitor.OtlpBody;
import dev.aegis.monitor.OtlpIngestion;
import dev.aegis.monitor.OtlpMetrics;
import dev.aegis.monitor.WhenMonitorEnabled;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP under the monitor's base URL, so an OpenTelemetry exporter pointed at {@code <aegis>/monitor/v1/otlp}
 * sends its traces to {@code /monitor/v1/otlp/v1/traces} and its metrics to {@code /monitor/v1/otlp/v1/metrics} (the
 * exporter's default paths). Protobuf ({@code application/x-protobuf}, answered in protobuf) or JSON, either of them
 * gzip-compressed or not.
 */
@RestController
@RequestMapping(path = "/monitor/v1/otlp/v1")
@Tag(name = "Monitor: ingestion")
@WhenMonitorEnabled
class OtlpController {

    static final String PROTOBUF = "application/x-protobuf";

    private final OtlpIngestion otlp;
    private final OtlpMetrics metrics;

    OtlpController(OtlpIngestion otlp, OtlpMetrics metrics) {
        this.otlp = otlp;
        this.metrics = metrics;
    }

    @PostMapping(
            path = "/traces",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "OpenTelemetry traces (OTLP/HTTP, JSON, gzip or not): GenAI spans become prediction events of the "
                            + "deployment named by the resource's service.name; 200 with partialSuccess naming the spans refused")
    Map<String, Object> traces(HttpServletRequest request) throws IOException {
        var outcome = otlp.traces(body(request));
        return partial("rejectedSpans", outcome.rejectedSpans(), outcome.errorMessage());
    }

    @PostMapping(path = "/traces", consumes = PROTOBUF, produces = PROTOBUF)
    @Operation(
            summary =
                    "OpenTelemetry traces (OTLP/HTTP, protobuf ExportTraceServiceRequest, gzip or not); answered with "
                            + "an ExportTraceServiceResponse whose partial_success names the spans refused")
    byte[] tracesProtobuf(HttpServletRequest request) throws IOException {
        var outcome = otlp.traces(OtlpBody.traces(body(request)));
        var answer = ExportTraceServiceResponse.newBuilder();
        if (outcome.rejectedSpans() > 0) {
            answer.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(outcome.rejectedSpans())
                    .setErrorMessage(outcome.errorMessage()));
        }
        return answer.build().toByteArray();
    }

    @PostMapping(
            path = "/metrics",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "OpenTelemetry metrics (OTLP/HTTP, JSON, gzip or not): gen_ai.client.operation.duration and "
                    + "gen_ai.client.token.usage (delta) add to the deployment's traffic, latency and token windows; "
                    + "other metrics are ignored; 200 with partialSuccess naming the data points refused")
    Map<String, Object> metrics(HttpServletRequest request) throws IOException {
        var outcome = metrics.metrics(body(request));
        return partial("rejectedDataPoints", outcome.rejectedDataPoints(), outcome.errorMessage());
    }

    @PostMapping(path = "/metrics", consumes = PROTOBUF, produces = PROTOBUF)
    @Operation(
            summary = "OpenTelemetry metrics (OTLP/HTTP, protobuf ExportMetricsServiceRequest, gzip or not); answered "
                    + "with an ExportMetricsServiceResponse whose partial_success names the data points refused")
    byte[] metricsProtobuf(HttpServletRequest request) throws IOException {
        var outcome = metrics.metrics(OtlpBody.metrics(body(request)));
        var answer = ExportMetricsServiceResponse.newBuilder();
        if (outcome.rejectedDataPoints() > 0) {
            answer.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                    .setRejectedDataPoints(outcome.rejectedDataPoints())
                    .setErrorMessage(outcome.errorMessage()));
        }
        return answer.build().toByteArray();
    }

    private static java.io.InputStream body(HttpServletRequest request) throws IOException {
        return OtlpBody.open(request.getInputStream(), request.getHeader(HttpHeaders.CONTENT_ENCODING));
    }

    /** OTLP/JSON: int64 as a string, lowerCamelCase field names; no partialSuccess when everything was kept. */
    private static Map<String, Object> partial(String field, long rejected, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (rejected > 0) {
            answer.put("partialSuccess", Map.of(field, Long.toString(rejected), "errorMessage", message));
        }
        return answer;
    }
}
