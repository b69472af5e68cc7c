package dev.aegis.risk.rest;

import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The risk register over HTTP. Changes and workflow steps carry the version they were made against in
 * {@code If-Match} (the {@code ETag} of the last read), so a stale copy is refused with 409 instead of overwriting
 * someone else's change; a step out of order is a 422 that names the risk's current state.
 */
@RestController
@RequestMapping(path = "/api/v1/risks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Risks", description = "The risk register")
class RiskController {

    /** API sort names and the properties the database sorts by. */
    private static final Map<String, String> SORTABLE = Map.of(
            "score",
            "inherentScore",
            "inherentScore",
            "inherentScore",
            "residualScore",
            "residualScore",
            "dueDate",
            "dueDate",
            "title",
            "title",
            "status",
            "status",
            "updatedAt",
            "updatedAt");

    private final RiskService service;

    RiskController(RiskService service) {
        this.service = service;
    }

    record Acceptance(String acceptedBy, Instant acceptedAt, String rationale, LocalDate expiresOn) {}

    record RiskResponse(
            long id,
            long version,
            Status status,
            RiskDetails details,
            int inherentScore,
            Integer residualLikelihood,
            Integer residualImpact,
            Integer residualScore,
            Treatment treatment,
            Acceptance acceptance,
            Instant createdAt,
            Instant updatedAt,
            String updatedBy) {
        static RiskResponse of(Risk r) {
            Acceptance acceptance = r.getAcceptedBy() == null
                    ? null
                    : new Acceptance(
                            r.getAcceptedBy(),
                            r.getAcceptedAt(),
                            r.getAcceptanceRationale(),
                            r.getAcceptanceExpiresOn());
            return new RiskResponse(
                    r.getId(),
                    r.getVersion(),
                    r.getStatus(),
                    r.details(),
                    r.getInherentScore(),
                    r.getResidualLikelihood(),
                    r.getResidualImpact(),
                    r.getResidualScore(),
                    r.getTreatment(),
                    acceptance,
                    r.getCreatedAt(),
                    r.getUpdatedAt(),
                    r.getUpdatedBy());
        }
    }

    record AssessRequest(
            @NotNull @Min(1) @Max(5) Integer likelihood,
            @NotNull @Min(1) @Max(5) Integer impact) {}

    record TreatRequest(
            @NotNull(message = "Choose the treatment.") Treatment treatment,
            @NotNull @Min(1) @Max(5) Integer residualLikelihood,
            @NotNull @Min(1) @Max(5) Integer residualImpact) {}

    record AcceptRequest(@Size(max = 4000) String rationale, LocalDate expiresOn) {}

    record ReopenRequest(
            @NotBlank(message = "Say why the risk is reopened.") @Size(max = 4000)
            String reason) {}

    record HeatMapResponse(long[][] inherent, long[][] residual) {}

    @GetMapping
    @Operation(
            summary = "Risks, filtered (text, status, owner, category, EU AI Act tier of any of its systems, "
                    + "framework requirement or threat, system), sorted (score, residualScore, dueDate, title, status, updatedAt)"
                    + " and paged by the database")
    PageResponse<RiskResponse> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) EuAiActTier tier,
            @RequestParam(required = false) Long requirement,
            @RequestParam(required = false) Long system,
            @RequestParam(defaultValue = "score") String sort,
            @RequestParam(defaultValue = "desc") String direction,
            @Valid PageParams paging) {
        String property = SORTABLE.get(sort);
        if (property == null) {
            throw new DomainRuleException("sort", "sort is one of " + SORTABLE.keySet());
        }
        var dir = "asc".equalsIgnoreCase(direction) ? Sort.Direction.ASC : Sort.Direction.DESC;
        var order = Sort.by(new Sort.Order(dir, property).nullsLast()).and(Sort.by("id"));
        var request = PageRequest.of(paging.number(), paging.count(), order);
        var filter = new RiskService.Filter(q, status, owner, category, tier, requirement, system);
        return PageResponse.of(service.search(filter, request).map(RiskResponse::of));
    }

    @GetMapping("/heat-map")
    @Operation(
            summary = "Counts of open risks per likelihood × impact cell, inherent and residual, "
                    + "indexed [likelihood - 1][impact - 1]; optionally of one system and one category")
    HeatMapResponse heatMap(
            @RequestParam(required = false) Long system, @RequestParam(required = false) Category category) {
        var map = service.heatMap(system, category);
        return new HeatMapResponse(map.inherent(), map.residual());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One risk; its ETag is the version to send back in If-Match")
    ResponseEntity<RiskResponse> get(@PathVariable long id) {
        return ok(service.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an identified risk (governance officers, administrators, owners of all its systems)")
    ResponseEntity<RiskResponse> identify(@Valid @RequestBody RiskDetails details) {
        Risk risk = service.identify(details);
        return ResponseEntity.created(URI.create("/api/v1/risks/" + risk.getId()))
                .eTag(Versions.etag(risk.getVersion()))
                .body(RiskResponse.of(risk));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a risk's details; If-Match carries the version it was read at (409 when stale)")
    ResponseEntity<RiskResponse> update(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody RiskDetails details) {
        return ok(service.update(id, Versions.fromIfMatch(ifMatch), details));
    }

    @PostMapping(path = "/{id}/assess", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "identified → assessed, with the inherent likelihood and impact")
    ResponseEntity<RiskResponse> assess(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody AssessRequest request) {
        return ok(service.assess(id, Versions.fromIfMatch(ifMatch), request.likelihood(), request.impact()));
    }

    @PostMapping(path = "/{id}/treat", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "assessed → treated (mitigate, transfer, avoid), with the residual likelihood and impact")
    ResponseEntity<RiskResponse> treat(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody TreatRequest request) {
        return ok(service.treat(
                id,
                Versions.fromIfMatch(ifMatch),
                request.treatment(),
                request.residualLikelihood(),
                request.residualImpact()));
    }

    @PostMapping(path = "/{id}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "assessed or treated → accepted until a future date, with a rationale; by a governance "
                    + "officer or administrator other than the risk's owner")
    ResponseEntity<RiskResponse> accept(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody AcceptRequest request) {
        return ok(service.accept(id, Versions.fromIfMatch(ifMatch), request.rationale(), request.expiresOn()));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "treated or accepted → closed")
    ResponseEntity<RiskResponse> close(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(service.close(id, Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping(path = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "closed or accepted → identified again, with the reason")
    ResponseEntity<RiskResponse> reopen(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ReopenRequest request) {
        return ok(service.reopen(id, Versions.fromIfMatch(ifMatch), request.reason()));
    }

    private static ResponseEntity<RiskResponse> ok(Risk risk) {
        return ResponseEntity.ok().eTag(Versions.etag(risk.getVersion())).body(RiskResponse.of(risk));
    }
}
