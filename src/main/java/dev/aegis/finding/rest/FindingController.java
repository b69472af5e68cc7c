package dev.aegis.finding.rest;

import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.finding.FindingWorkflow;
import dev.aegis.finding.Occurrence;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.web.PageParams;
import dev.aegis.shared.web.PageResponse;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The findings register over HTTP, through the same service methods as the screens. A workflow step names the version
 * it was made against — {@code expectedVersion} in the body, or the {@code ETag} of the last read in {@code If-Match}
 * as for the other registers — so a stale copy is refused with 409; a step out of order is a 422 naming the state.
 */
@RestController
@RequestMapping(path = "/api/v1/findings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Findings", description = "Findings from failed telemetry tests and monitor alerts, and their workflow")
class FindingController {

    private static final Map<String, String> SORTABLE = Map.of(
            "lastSeen",
            "lastSeen",
            "firstSeen",
            "firstSeen",
            "severity",
            "severity",
            "state",
            "state",
            "occurrences",
            "occurrences",
            "title",
            "title");
    private final FindingService service;
    private final FindingWorkflow workflow;

    FindingController(FindingService service, FindingWorkflow workflow) {
        this.service = service;
        this.workflow = workflow;
    }

    record FindingResponse(
            long id,
            long version,
            String cause,
            String title,
            long systemId,
            Long controlId,
            Long testId,
            Set<Long> risks,
            Severity severity,
            State state,
            String source,
            String deployment,
            String metric,
            String subject,
            String comparison,
            Double threshold,
            int occurrences,
            Instant firstSeen,
            Instant lastSeen,
            Instant recoveredAt,
            Double recoveredFigure,
            String investigationNote,
            String investigatedBy,
            String rootCause,
            String actionTaken,
            String resolvedBy,
            Instant resolvedAt,
            String acceptanceRationale,
            String acceptedBy,
            Instant acceptedAt,
            String reopenReason,
            Instant updatedAt,
            String updatedBy,
            List<OccurrenceResponse> timeline) {
        static FindingResponse of(Finding f, List<OccurrenceResponse> timeline) {
            return new FindingResponse(
                    f.getId(),
                    f.getVersion(),
                    f.getCause(),
                    f.getTitle(),
                    f.getSystemId(),
                    f.getControlId(),
                    f.getTestId(),
                    f.getRisks(),
                    f.getSeverity(),
                    f.getState(),
                    f.getSource(),
                    f.getDeployment(),
                    f.getMetric(),
                    f.getSubject(),
                    f.getComparison(),
                    f.getThreshold(),
                    f.getOccurrences(),
                    f.getFirstSeen(),
                    f.getLastSeen(),
                    f.getRecoveredAt(),
                    f.getRecoveredFigure(),
                    f.getInvestigationNote(),
                    f.getInvestigatedBy(),
                    f.getRootCause(),
                    f.getActionTaken(),
                    f.getResolvedBy(),
                    f.getResolvedAt(),
                    f.getAcceptanceRationale(),
                    f.getAcceptedBy(),
                    f.getAcceptedAt(),
                    f.getReopenReason(),
                    f.getUpdatedAt(),
                    f.getUpdatedBy(),
                    timeline);
        }
    }

    record OccurrenceResponse(
            OccurrenceKind kind,
            Instant at,
            Double figure,
            Double threshold,
            Instant windowStart,
            Instant windowEnd,
            Long sampleSize,
            String delivery) {
        static OccurrenceResponse of(Occurrence o) {
            return new OccurrenceResponse(
                    o.getKind(),
                    o.getAt(),
                    o.getFigure(),
                    o.getThreshold(),
                    o.getWindowStart(),
                    o.getWindowEnd(),
                    o.getSampleSize(),
                    o.getDelivery());
        }
    }

    record InvestigateRequest(
            Long expectedVersion, @Size(max = 4000) String note) {}

    record ResolveRequest(
            Long expectedVersion,
            @Size(max = 4000) String rootCause,
            @Size(max = 4000) String actionTaken) {}

    record AcceptRequest(
            Long expectedVersion, @Size(max = 4000) String rationale) {}

    record ReopenRequest(
            Long expectedVersion, @Size(max = 4000) String reason) {}

    @GetMapping
    @Operation(
            summary = "Findings the caller may read (a system owner: of the systems they own), filtered by state, "
                    + "severity, system and open (open or investigating), sorted (lastSeen, firstSeen, severity, state, "
                    + "occurrences, title) and paged by the database")
    PageResponse<FindingResponse> list(
            @RequestParam(required = false) State state,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) Long system,
            @RequestParam(required = false) Boolean open,
            @RequestParam(defaultValue = "lastSeen") String sort,
            @RequestParam(defaultValue = "desc") String direction,
            @Valid PageParams paging) {
        String property = SORTABLE.get(sort);
        if (property == null) {
            throw new DomainRuleException("sort", "sort is one of " + SORTABLE.keySet());
        }
        var dir = "asc".equalsIgnoreCase(direction) ? Sort.Direction.ASC : Sort.Direction.DESC;
        var request = PageRequest.of(paging.number(), paging.count(), Sort.by(dir, property));
        return PageResponse.of(service.search(new FindingService.Filter(state, severity, system, open), request)
                .map(f -> FindingResponse.of(f, null)));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One finding with its timeline of breaches and recoveries, oldest first; its ETag is its version")
    ResponseEntity<FindingResponse> get(@PathVariable long id) {
        return ok(service.get(id));
    }

    @PostMapping(path = "/{id}/investigate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "open → investigating, with an optional note")
    ResponseEntity<FindingResponse> investigate(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody InvestigateRequest request) {
        return ok(workflow.investigate(id, version(request.expectedVersion(), ifMatch), request.note()));
    }

    @PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "open or investigating → resolved, with the root cause and the action taken (both required)")
    ResponseEntity<FindingResponse> resolve(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ResolveRequest request) {
        return ok(workflow.resolve(
                id, version(request.expectedVersion(), ifMatch), request.rootCause(), request.actionTaken()));
    }

    @PostMapping(path = "/{id}/accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "open or investigating → accepted, with a rationale; the caller (governance officer or "
                    + "administrator) is the approver")
    ResponseEntity<FindingResponse> accept(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AcceptRequest request) {
        return ok(workflow.accept(id, version(request.expectedVersion(), ifMatch), request.rationale()));
    }

    @PostMapping(path = "/{id}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "resolved or accepted → open, with the reason")
    ResponseEntity<FindingResponse> reopen(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReopenRequest request) {
        return ok(workflow.reopen(id, version(request.expectedVersion(), ifMatch), request.reason()));
    }

    private static long version(Long expectedVersion, String ifMatch) {
        if (expectedVersion != null) {
            return expectedVersion;
        }
        if (ifMatch != null && !ifMatch.isBlank()) {
            return Versions.fromIfMatch(ifMatch);
        }
        throw new DomainRuleException(
                "expectedVersion",
                "Say which version of the finding you changed: expectedVersion in the body, or its ETag in If-Match.");
    }

    private ResponseEntity<FindingResponse> ok(Finding f) {
        List<OccurrenceResponse> timeline = service.occurrences(f.getId()).stream()
                .map(OccurrenceResponse::of)
                .toList();
        return ResponseEntity.ok().eTag(Versions.etag(f.getVersion())).body(FindingResponse.of(f, timeline));
    }
}
