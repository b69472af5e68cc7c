package dev.aegis.monitor.rest;

import dev.aegis.monitor.Deployment;
import dev.aegis.monitor.DeploymentService;
import dev.aegis.monitor.PersonalDataPattern;
import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A deployment's LLM settings over the monitor's API, as the page's <em>Personal data and text</em> dialog sets them
 * and with the same checks: its own personal-data patterns and how many days prompt and response text are kept. The
 * ETag is the deployment's version (the settings are part of it); a change sends it back in If-Match.
 */
@RestController
@RequestMapping(path = "/monitor/v1/deployments/{name}/llm-settings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: deployments")
@WhenMonitorEnabled
class LlmSettingsController {

    private final DeploymentService service;

    LlmSettingsController(DeploymentService service) {
        this.service = service;
    }

    record PatternBody(
            @Schema(description = "a name people read, up to 60 characters", example = "patient number")
            String name,

            @Schema(description = "a Java regular expression, up to 200 characters", example = "\\bPAT-\\d{6}\\b")
            String regex) {}

    record LlmSettingsBody(
            @Schema(description = "the deployment's own personal-data patterns (at most 20, names distinct)")
            List<PatternBody> personalDataPatterns,

            @Schema(
                    description = "days prompt and response text are kept (1 to the monitor's retention);"
                            + " null keeps none, the default",
                    nullable = true)
            Integer rawTextDays) {
        static LlmSettingsBody of(Deployment d) {
            return new LlmSettingsBody(
                    d.getPersonalDataPatterns().stream()
                            .map(p -> new PatternBody(p.name(), p.regex()))
                            .toList(),
                    d.getRawTextDays());
        }
    }

    @GetMapping
    @Operation(summary = "A deployment's personal-data patterns and raw-text retention; the ETag is its version")
    ResponseEntity<LlmSettingsBody> get(@PathVariable String name) {
        return ok(service.get(name));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Set a deployment's personal-data patterns and raw-text retention; If-Match carries the version"
                    + " it was read at. Text older than a shorter limit is purged at once")
    ResponseEntity<LlmSettingsBody> put(
            @PathVariable String name,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody LlmSettingsBody body) {
        List<PersonalDataPattern> patterns = body.personalDataPatterns() == null
                ? List.of()
                : body.personalDataPatterns().stream()
                        .map(p -> p == null ? null : new PersonalDataPattern(p.name(), p.regex()))
                        .toList();
        return ok(service.configureLlm(name, Versions.fromIfMatch(ifMatch), patterns, body.rawTextDays()));
    }

    private static ResponseEntity<LlmSettingsBody> ok(Deployment d) {
        return ResponseEntity.ok().eTag(Versions.etag(d.getVersion())).body(LlmSettingsBody.of(d));
    }
}
