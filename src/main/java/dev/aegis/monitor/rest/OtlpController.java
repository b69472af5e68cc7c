package dev.aegis.monitor.rest;

import dev.aegis.monitor.OtlpIngestion;
import dev.aegis.monitor.WhenMonitorEnabled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP under the monitor's base URL, so an OpenTelemetry exporter pointed at {@code <aegis>/monitor/v1/otlp}
 * sends its traces to {@code /monitor/v1/otlp/v1/traces} (the exporter's default path). JSON encoding.
 */
@RestController
@RequestMapping(path = "/monitor/v1/otlp/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: ingestion")
@WhenMonitorEnabled
class OtlpController {

    private final OtlpIngestion otlp;

    OtlpController(OtlpIngestion otlp) {
        this.otlp = otlp;
    }

    @PostMapping(path = "/traces", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "OpenTelemetry traces (OTLP/HTTP, JSON): GenAI spans become prediction events of the deployment "
                    + "named by the resource's service.name; 200 with partialSuccess naming the spans refused")
    Map<String, Object> traces(HttpServletRequest request) throws IOException {
        var outcome = otlp.traces(request.getInputStream());
        Map<String, Object> answer = new LinkedHashMap<>();
        if (outcome.rejectedSpans() > 0) {
            // OTLP/JSON: int64 as a string, lowerCamelCase field names
            answer.put(
                    "partialSuccess",
                    Map.of(
                            "rejectedSpans",
                            Long.toString(outcome.rejectedSpans()),
                            "errorMessage",
                            outcome.errorMessage()));
        }
        return answer;
    }
}
