package dev.aegis.monitor.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.aegis.monitor.Deployment;
import dev.aegis.monitor.DeploymentDetails;
import dev.aegis.monitor.DeploymentService;
import dev.aegis.monitor.Feature;
import dev.aegis.monitor.ReferenceWindow;
import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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

/** Deployments over the monitor's API; changes carry the version they were read at in If-Match. */
@RestController
@RequestMapping(path = "/monitor/v1/deployments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Monitor: deployments")
@WhenMonitorEnabled
class DeploymentController {

    private final DeploymentService service;

    DeploymentController(DeploymentService service) {
        this.service = service;
    }

    record FeatureBody(String name, Feature.Kind kind) {}

    record ReferenceBody(ReferenceWindow.Kind kind, Instant from, Instant to, String batch) {}

    record DeploymentBody(
            @Schema(requiredMode = REQUIRED) String name,
            @Schema(requiredMode = REQUIRED) String modelVersion,
            @Schema(requiredMode = REQUIRED) String owner,
            String description,
            List<FeatureBody> features,
            List<String> labels,
            boolean hasScore,
            List<String> protectedAttributes,
            Double latencyBudgetMs,
            ReferenceBody reference) {
        DeploymentDetails details() {
            return new DeploymentDetails(
                    name,
                    modelVersion,
                    owner,
                    description,
                    features == null
                            ? null
                            : features.stream()
                                    .map(f -> new Feature(f.name(), f.kind()))
                                    .toList(),
                    labels,
                    hasScore,
                    protectedAttributes,
                    latencyBudgetMs,
                    reference == null
                            ? null
                            : new ReferenceWindow(
                                    reference.kind(), reference.from(), reference.to(), reference.batch()));
        }
    }

    record DeploymentResponse(
            long id,
            long version,
            String name,
            String modelVersion,
            String owner,
            String description,
            List<FeatureBody> features,
            List<String> labels,
            boolean hasScore,
            Set<String> protectedAttributes,
            Double latencyBudgetMs,
            ReferenceBody reference,
            Instant createdAt,
            Instant updatedAt) {
        static DeploymentResponse of(Deployment d) {
            ReferenceWindow r = d.getReference();
            return new DeploymentResponse(
                    d.getId(),
                    d.getVersion(),
                    d.getName(),
                    d.getModelVersion(),
                    d.getOwner(),
                    d.getDescription(),
                    d.getFeatures().stream()
                            .map(f -> new FeatureBody(f.name(), f.kind()))
                            .toList(),
                    d.getLabels(),
                    d.isHasScore(),
                    d.getProtectedAttributes(),
                    d.getLatencyBudgetMs(),
                    new ReferenceBody(r.kind(), r.from(), r.to(), r.batch()),
                    d.getCreatedAt(),
                    d.getUpdatedAt());
        }
    }

    @GetMapping
    @Operation(summary = "All deployments, by name")
    List<DeploymentResponse> list() {
        return service.list().stream().map(DeploymentResponse::of).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One deployment; its ETag is the version to send back in If-Match")
    ResponseEntity<DeploymentResponse> get(@PathVariable String name) {
        return ok(service.get(name));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a deployment; its default alert rules come with it")
    ResponseEntity<DeploymentResponse> register(@RequestBody DeploymentBody body) {
        Deployment d = service.register(body.details());
        return ResponseEntity.created(URI.create("/monitor/v1/deployments/" + d.getName()))
                .eTag(Versions.etag(d.getVersion()))
                .body(DeploymentResponse.of(d));
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a deployment (not its name); If-Match carries the version it was read at")
    ResponseEntity<DeploymentResponse> update(
            @PathVariable String name,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody DeploymentBody body) {
        return ok(service.update(name, Versions.fromIfMatch(ifMatch), body.details()));
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Remove a deployment with its rules and alerts (its raw events age out)")
    ResponseEntity<Void> remove(@PathVariable String name) {
        service.remove(name);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<DeploymentResponse> ok(Deployment d) {
        return ResponseEntity.ok().eTag(Versions.etag(d.getVersion())).body(DeploymentResponse.of(d));
    }
}
