package dev.aegis.monitor.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.aegis.monitor.AlertRule;
import dev.aegis.monitor.AlertRule.Comparison;
import dev.aegis.monitor.AlertService;
import dev.aegis.monitor.Metric;
import dev.aegis.monitor.Resolution;
import dev.aegis.monitor.RuleDetails;
import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Alert rules of a deployment: list, add, change (If-Match) and remove. */
@RestController
@RequestMapping(path = "/monitor/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: alert rules")
@WhenMonitorEnabled
class AlertRuleController {

    private final AlertService alerts;

    AlertRuleController(AlertService alerts) {
        this.alerts = alerts;
    }

    /** {@code subject} null: every feature or group; {@code resolution} 5m, 1h or 1d. */
    record RuleBody(
            @Schema(requiredMode = REQUIRED) String metric,
            String subject,
            @Schema(requiredMode = REQUIRED) Comparison comparison,
            @Schema(requiredMode = REQUIRED) Double threshold,
            String resolution,
            Long minSamples,
            Boolean enabled) {
        RuleDetails details() {
            if (metric == null) {
                throw new DomainRuleException("metric", "Choose the metric the rule watches.");
            }
            if (threshold == null) {
                throw new DomainRuleException("threshold", "Give the threshold.");
            }
            return new RuleDetails(
                    Metric.of(metric),
                    subject,
                    comparison,
                    threshold,
                    Resolution.of(resolution == null ? "1h" : resolution),
                    minSamples == null ? 0 : minSamples,
                    enabled == null || enabled);
        }
    }

    record RuleResponse(
            long id,
            long version,
            String metric,
            String subject,
            Comparison comparison,
            double threshold,
            String resolution,
            long minSamples,
            boolean enabled,
            boolean defaultRule,
            Instant lastEvaluatedAt,
            String description) {
        static RuleResponse of(AlertRule r) {
            return new RuleResponse(
                    r.getId(),
                    r.getVersion(),
                    r.getMetric().name(),
                    r.getSubject(),
                    r.getComparison(),
                    r.getThreshold(),
                    r.getResolution().code(),
                    r.getMinSamples(),
                    r.isEnabled(),
                    r.isDefaultRule(),
                    r.getLastEvaluatedAt(),
                    r.describe());
        }
    }

    @GetMapping("/deployments/{name}/rules")
    @Operation(summary = "A deployment's alert rules (lastEvaluatedAt null: nothing to evaluate yet)")
    List<RuleResponse> rules(@PathVariable String name) {
        return alerts.rules(name).stream().map(RuleResponse::of).toList();
    }

    @PostMapping(path = "/deployments/{name}/rules", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an alert rule")
    ResponseEntity<RuleResponse> add(@PathVariable String name, @RequestBody RuleBody body) {
        AlertRule rule = alerts.addRule(name, body.details());
        return ResponseEntity.created(URI.create("/monitor/v1/rules/" + rule.getId()))
                .eTag(Versions.etag(rule.getVersion()))
                .body(RuleResponse.of(rule));
    }

    @GetMapping("/rules/{id}")
    ResponseEntity<RuleResponse> get(@PathVariable long id) {
        AlertRule rule = alerts.getRule(id);
        return ResponseEntity.ok().eTag(Versions.etag(rule.getVersion())).body(RuleResponse.of(rule));
    }

    @PutMapping(path = "/rules/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an alert rule; If-Match carries the version it was read at")
    ResponseEntity<RuleResponse> change(
            @PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody RuleBody body) {
        AlertRule rule = alerts.changeRule(id, Versions.fromIfMatch(ifMatch), body.details());
        return ResponseEntity.ok().eTag(Versions.etag(rule.getVersion())).body(RuleResponse.of(rule));
    }

    @DeleteMapping("/rules/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        alerts.removeRule(id);
        return ResponseEntity.noContent().build();
    }
}
