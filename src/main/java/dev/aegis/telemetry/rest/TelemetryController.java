package dev.aegis.telemetry.rest;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import dev.aegis.telemetry.Comparison;
import dev.aegis.telemetry.SourceDetails;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetryService.Link;
import dev.aegis.telemetry.TelemetryService.Result;
import dev.aegis.telemetry.TelemetrySource;
import dev.aegis.telemetry.TelemetryTest;
import dev.aegis.telemetry.TestDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Telemetry over HTTP, through the same service methods as the screens: sources (administrators), the links of an AI
 * system to monitored deployments, telemetry tests and their results. A source's token is accepted, never returned.
 * Bad input answers RFC 9457 problem details; changes carry the version in {@code If-Match}.
 */
@RestController
@org.springframework.web.bind.annotation.RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Telemetry", description = "Telemetry sources, AI systems linked to monitored deployments, telemetry tests")
class TelemetryController {

    private final TelemetryService service;

    TelemetryController(TelemetryService service) {
        this.service = service;
    }

    record SourceResponse(
            long id,
            String name,
            TelemetrySource.Kind kind,
            String baseUrl,
            boolean hasToken,
            boolean live,
            Instant lastSuccessAt,
            Instant failingSince,
            String problem,
            String breaker,
            long version) {}

    record LinkRequest(
            @NotNull(message = "Choose the source.") Long sourceId, String deployment) {}

    record TestRequest(
            @NotNull(message = "Choose the control.") Long controlId,
            @NotNull(message = "Choose the AI system.") Long systemId,
            @Schema(requiredMode = REQUIRED) String metric,
            String subject,
            @Schema(requiredMode = REQUIRED) Comparison comparison,
            @Schema(requiredMode = REQUIRED) Double threshold,
            @Schema(requiredMode = REQUIRED) String window,
            Long minSampleSize,
            String query) {
        TestDefinition definition() {
            if (threshold == null) {
                throw new dev.aegis.shared.DomainRuleException("threshold", "Give the threshold as a number.");
            }
            return new TestDefinition(
                    metric, subject, comparison, threshold, window, minSampleSize == null ? 0 : minSampleSize, query);
        }
    }

    record TestResponse(
            long id,
            long controlId,
            long systemId,
            String metric,
            String subject,
            Comparison comparison,
            double threshold,
            String window,
            long minSampleSize,
            String query,
            String description,
            long version) {
        static TestResponse of(TelemetryTest t) {
            return new TestResponse(
                    t.getId(),
                    t.getControlId(),
                    t.getSystemId(),
                    t.getMetric(),
                    t.getSubject(),
                    t.getComparison(),
                    t.getThreshold(),
                    t.getResolution(),
                    t.getMinSampleSize(),
                    t.getQuery(),
                    t.describe(),
                    t.getVersion());
        }
    }

    // sources

    @GetMapping("/telemetry/sources")
    @Operation(summary = "Telemetry sources and whether each answers (live) or since when its data is stale")
    List<SourceResponse> sources() {
        return service.sources().stream().map(this::source).toList();
    }

    @PostMapping(path = "/telemetry/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a source (ADMIN); the token is kept to call it and never shown again")
    ResponseEntity<SourceResponse> addSource(@RequestBody SourceDetails details) {
        TelemetrySource s = service.addSource(details);
        return ResponseEntity.created(URI.create("/api/v1/telemetry/sources/" + s.getId()))
                .eTag(Versions.etag(s.getVersion()))
                .body(source(s));
    }

    @PutMapping(path = "/telemetry/sources/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a source's kind, URL or token (ADMIN); a blank token keeps the one it has")
    ResponseEntity<SourceResponse> changeSource(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody SourceDetails details) {
        TelemetrySource s = service.changeSource(id, Versions.fromIfMatch(ifMatch), details);
        return ResponseEntity.ok().eTag(Versions.etag(s.getVersion())).body(source(s));
    }

    @DeleteMapping("/telemetry/sources/{id}")
    @Operation(summary = "Remove a source with its links and their results (ADMIN)")
    ResponseEntity<Void> removeSource(@PathVariable long id) {
        service.removeSource(id);
        return ResponseEntity.noContent().build();
    }

    // links

    @GetMapping("/systems/{id}/deployments")
    @Operation(summary = "The monitored deployments an AI system is linked to, with their sources' status")
    List<Link> links(@PathVariable long id) {
        return service.links(id);
    }

    @PostMapping(path = "/systems/{id}/deployments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Link an AI system to a deployment of a source (officers, administrators, the system's owners)")
    ResponseEntity<Link> link(@PathVariable long id, @RequestBody LinkRequest request) {
        if (request.sourceId() == null) {
            throw new dev.aegis.shared.DomainRuleException("sourceId", "Choose the source.");
        }
        Link l = service.link(id, request.sourceId(), request.deployment());
        return ResponseEntity.created(URI.create("/api/v1/systems/" + id + "/deployments/" + l.id()))
                .body(l);
    }

    @DeleteMapping("/systems/{id}/deployments/{linkId}")
    @Operation(summary = "Unlink a deployment from an AI system")
    ResponseEntity<Void> unlink(@PathVariable long id, @PathVariable long linkId) {
        service.unlink(id, linkId);
        return ResponseEntity.noContent().build();
    }

    // tests

    @GetMapping("/telemetry/tests")
    @Operation(summary = "An AI system's telemetry tests")
    List<TestResponse> tests(@RequestParam long system) {
        return service.tests(system).stream().map(TestResponse::of).toList();
    }

    @GetMapping("/telemetry/tests/{id}")
    @Operation(summary = "One telemetry test; its ETag is the version to send back in If-Match")
    ResponseEntity<TestResponse> test(@PathVariable long id) {
        TelemetryTest t = service.test(id);
        return ResponseEntity.ok().eTag(Versions.etag(t.getVersion())).body(TestResponse.of(t));
    }

    @PostMapping(path = "/telemetry/tests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Define a telemetry test on a control applied to an AI system")
    ResponseEntity<TestResponse> define(@RequestBody TestRequest request) {
        if (request.controlId() == null || request.systemId() == null) {
            throw new dev.aegis.shared.DomainRuleException(
                    request.controlId() == null ? "controlId" : "systemId",
                    "Name the control and the AI system it is applied to.");
        }
        TelemetryTest t = service.defineTest(request.controlId(), request.systemId(), request.definition());
        return ResponseEntity.created(URI.create("/api/v1/telemetry/tests/" + t.getId()))
                .eTag(Versions.etag(t.getVersion()))
                .body(TestResponse.of(t));
    }

    @PutMapping(path = "/telemetry/tests/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a telemetry test; If-Match carries the version it was read at (409 when stale)")
    ResponseEntity<TestResponse> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody TestRequest request) {
        TelemetryTest t = service.changeTest(id, Versions.fromIfMatch(ifMatch), request.definition());
        return ResponseEntity.ok().eTag(Versions.etag(t.getVersion())).body(TestResponse.of(t));
    }

    @DeleteMapping("/telemetry/tests/{id}")
    @Operation(summary = "Remove a telemetry test with its results")
    ResponseEntity<Void> remove(@PathVariable long id) {
        service.removeTest(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/telemetry/tests/{id}/results")
    @Operation(
            summary = "A test's recorded results, newest window first: outcome, figure, window, reference, bin edges")
    PageResponse<Result> results(@PathVariable long id, @Valid PageParams paging) {
        return PageResponse.of(service.results(id, PageRequest.of(paging.number(), paging.count())));
    }

    @PostMapping("/systems/{id}/telemetry-tests/run")
    @Operation(summary = "Run an AI system's telemetry tests now; answers the results this run recorded")
    List<Result> runNow(@PathVariable long id) {
        return service.runNow(id);
    }

    private SourceResponse source(TelemetrySource s) {
        var status = service.status(s);
        return new SourceResponse(
                s.getId(),
                s.getName(),
                s.getKind(),
                s.getBaseUrl(),
                s.hasToken(),
                status.live(),
                status.lastSuccessAt(),
                status.failingSince(),
                status.problem(),
                status.breaker(),
                s.getVersion());
    }
}
