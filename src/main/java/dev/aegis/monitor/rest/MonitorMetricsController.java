package dev.aegis.monitor.rest;

import dev.aegis.monitor.WhenMonitorEnabled;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Prometheus metrics of this instance (text exposition 0.0.4) for a scraper holding a monitor token: the
 * monitor's own ({@code aegis_monitor_*}: events accepted and refused, 429s, write times, batches waiting for
 * aggregation) and the JVM's. The same registry is served at /actuator/prometheus to Aegis API tokens.
 */
@RestController
@Tag(name = "Monitor: metrics")
@WhenMonitorEnabled
class MonitorMetricsController {

    private final PrometheusMeterRegistry registry;

    MonitorMetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/monitor/v1/metrics")
    @Operation(summary = "Prometheus text exposition of this instance's metrics")
    ResponseEntity<String> metrics() {
        // the content type is set, not negotiated: scrapers send all kinds of Accept headers
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8"))
                .body(registry.scrape());
    }
}
