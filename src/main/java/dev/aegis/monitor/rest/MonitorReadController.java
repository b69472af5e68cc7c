package dev.aegis.monitor.rest;

import dev.aegis.monitor.Alert;
import dev.aegis.monitor.AlertService;
import dev.aegis.monitor.Figure;
import dev.aegis.monitor.FigureService;
import dev.aegis.monitor.Resolution;
import dev.aegis.monitor.TrafficService;
import dev.aegis.monitor.TrafficWindow;
import dev.aegis.monitor.WhenMonitorEnabled;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the monitor knows, by time range: traffic windows, figures and alerts. Times are ISO-8601 instants; without
 * {@code from}/{@code to} the last 24 hours.
 */
@RestController
@RequestMapping(path = "/monitor/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: windows, figures, alerts")
@WhenMonitorEnabled
class MonitorReadController {

    private final TrafficService traffic;
    private final FigureService figures;
    private final AlertService alerts;
    private final JsonMapper json;
    private final java.time.Clock clock;

    MonitorReadController(
            TrafficService traffic,
            FigureService figures,
            AlertService alerts,
            JsonMapper json,
            java.time.Clock clock) {
        this.traffic = traffic;
        this.figures = figures;
        this.alerts = alerts;
        this.json = json;
        this.clock = clock;
    }

    record FigureResponse(
            long id,
            String deployment,
            String resolution,
            Instant windowStart,
            Instant windowEnd,
            String metric,
            String subject,
            Double value,
            JsonNode detail,
            JsonNode reference,
            JsonNode binEdges,
            Long sampleSize,
            Long referenceSize,
            Instant computedAt) {}

    record AlertResponse(
            long id,
            long ruleId,
            String deployment,
            String metric,
            String subject,
            Alert.State state,
            Instant openedAt,
            Instant resolvedAt,
            Instant windowStart,
            double openingValue,
            double lastValue,
            double threshold) {}

    @GetMapping("/deployments/{name}/windows")
    @Operation(
            summary = "Traffic windows (count, errors, error rate, latency p50/p95/p99 in ms) of resolution 5m, 1h "
                    + "or 1d whose start lies in [from, to), all instances added up")
    List<TrafficWindow> windows(
            @PathVariable String name,
            @RequestParam(defaultValue = "5m") String resolution,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        return traffic.windows(
                name, Resolution.of(resolution), from == null ? end.minus(Duration.ofDays(1)) : from, end);
    }

    @GetMapping("/deployments/{name}/figures")
    @Operation(
            summary = "Figures (drift, fairness, performance) with the reference and bin edges they were computed "
                    + "with, optionally of one metric and resolution, by window start in [from, to)")
    List<FigureResponse> figures(
            @PathVariable String name,
            @RequestParam(required = false) String metric,
            @RequestParam(required = false) String resolution,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        Instant end = to == null ? clock.instant() : to;
        List<Figure> list = figures.figures(
                name,
                metric == null ? null : dev.aegis.monitor.Metric.of(metric).name(),
                resolution == null ? null : Resolution.of(resolution),
                from == null ? end.minus(Duration.ofDays(1)) : from,
                end);
        return list.stream()
                .map(f -> new FigureResponse(
                        f.id(),
                        f.deployment(),
                        f.resolution(),
                        f.windowStart(),
                        f.windowEnd(),
                        f.metric(),
                        f.subject(),
                        f.value(),
                        tree(f.detailJson()),
                        tree(f.referenceJson()),
                        tree(f.binEdgesJson()),
                        f.sampleSize(),
                        f.referenceSize(),
                        f.computedAt()))
                .toList();
    }

    @GetMapping("/alerts")
    @Operation(
            summary = "Alerts open at some time in [from, to), newest first; optionally of one deployment and "
                    + "state (OPEN, RESOLVED)")
    List<AlertResponse> alerts(
            @RequestParam(required = false) String deployment,
            @RequestParam(required = false) Alert.State state,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "200") int limit) {
        Instant end = to == null ? clock.instant().plusSeconds(1) : to;
        Map<Long, String> names = alerts.deploymentNames();
        return alerts
                .alerts(deployment, state, from == null ? end.minus(Duration.ofDays(30)) : from, end, limit)
                .stream()
                .map(a -> new AlertResponse(
                        a.getId(),
                        a.getRuleId(),
                        names.get(a.getDeploymentId()),
                        a.getMetric().name(),
                        a.getSubject(),
                        a.getState(),
                        a.getOpenedAt(),
                        a.getResolvedAt(),
                        a.getWindowStart(),
                        a.getOpeningValue(),
                        a.getLastValue(),
                        a.getThreshold()))
                .toList();
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }
}
