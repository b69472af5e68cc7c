package dev.aegis.aims.rest;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.InternalAuditService;
import dev.aegis.aims.InternalAuditService.AuditSummary;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.FindingView;
import dev.aegis.aims.InternalAuditService.Plan;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal audit programme (ISO/IEC 42001 9.2): audits planned with scope, criteria and auditors, their checklist
 * and findings, completion and the audit report. An audit's ETag is its version; a checklist line carries its own.
 */
@RestController
@RequestMapping(path = "/api/v1/aims/audits", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class InternalAuditController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final InternalAuditService audits;

    InternalAuditController(InternalAuditService audits) {
        this.audits = audits;
    }

    record PlanRequest(
            @NotBlank(message = "Give the audit a title.") @Size(max = 200)
            String title,

            @NotBlank(message = "Say what the audit covers (its scope).") @Size(max = 4000)
            String scope,

            List<Long> systemIds,
            List<AimsRole> auditedRoles,

            @NotEmpty(message = "Name at least one auditor.")
            List<String> auditors,

            @NotNull(message = "Give the day the audit starts.")
            LocalDate plannedFrom,

            LocalDate plannedTo) {
        Plan plan() {
            return new Plan(title, scope, systemIds, auditedRoles, auditors, plannedFrom, plannedTo);
        }
    }

    record Criteria(
            @NotEmpty(message = "Choose at least one requirement.")
            List<Long> requirementIds) {}

    record CheckRequest(
            @NotNull(message = "Choose what you found.") CheckResult result,
            @Size(max = 4000) String notes) {}

    record FindingRequest(
            @NotNull(message = "Choose the checklist line (requirement) the finding is against.")
            Long checkId,

            @NotNull(message = "Say whether this is a nonconformity, an observation or an opportunity.")
            FindingKind kind,

            @NotBlank(message = "State what you found.") @Size(max = 4000)
            String statement,

            @Size(max = 4000) String evidence) {}

    record Conclusion(
            @NotBlank(message = "Write the audit's conclusion.") @Size(max = 4000)
            String conclusion) {}

    record Reason(
            @NotBlank(message = "Say why the audit is cancelled.") @Size(max = 500)
            String reason) {}

    @GetMapping
    @Operation(summary = "The audit programme: every planned, running, completed and cancelled internal audit")
    List<AuditSummary> list() {
        return audits.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An internal audit with its scope, auditors, checklist and findings")
    ResponseEntity<AuditView> get(@PathVariable long id) {
        return ok(audits.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Plan an internal audit (officers); an auditor who owns an AI system or holds an AIMS role in its"
                    + " scope is refused")
    ResponseEntity<AuditView> plan(@Valid @RequestBody PlanRequest request) {
        AuditView v = audits.plan(request.plan());
        return ResponseEntity.created(URI.create("/api/v1/aims/audits/" + v.id()))
                .eTag(Versions.etag(v.version()))
                .body(v);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an audit's plan; If-Match carries its version")
    ResponseEntity<AuditView> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody PlanRequest request) {
        return ok(audits.change(id, Versions.fromIfMatch(ifMatch), request.plan()));
    }

    @PostMapping(path = "/{id}/criteria", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add requirements of any framework (catalog ids) as criteria, each a checklist line")
    ResponseEntity<AuditView> addCriteria(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Criteria request) {
        return ok(audits.addCriteria(id, Versions.fromIfMatch(ifMatch), request.requirementIds()));
    }

    @DeleteMapping("/{id}/criteria/{checkId}")
    @Operation(summary = "Take a criterion off the checklist while nothing is recorded against it")
    ResponseEntity<AuditView> removeCriterion(@PathVariable long id, @PathVariable long checkId) {
        return ok(audits.removeCriterion(id, checkId));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start the audit (its auditors)")
    ResponseEntity<AuditView> start(@PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(audits.start(id, Versions.fromIfMatch(ifMatch)));
    }

    @PutMapping(path = "/{id}/checklist/{checkId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the result for one criterion (its auditors); If-Match carries the line's version")
    ResponseEntity<AuditView> check(
            @PathVariable long id,
            @PathVariable long checkId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody CheckRequest request) {
        return ok(audits.recordCheck(id, checkId, Versions.fromIfMatch(ifMatch), request.result(), request.notes()));
    }

    @PostMapping(path = "/{id}/findings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Raise a finding (nonconformity, observation, opportunity) against a criterion")
    FindingView raise(@PathVariable long id, @Valid @RequestBody FindingRequest request) {
        return audits.raiseFinding(id, request.checkId(), request.kind(), request.statement(), request.evidence());
    }

    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Complete the audit with its conclusion once every criterion has a result (its auditors)")
    ResponseEntity<AuditView> complete(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Conclusion request) {
        return ok(audits.complete(id, Versions.fromIfMatch(ifMatch), request.conclusion()));
    }

    @PostMapping(path = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel a planned or running audit, saying why (officers)")
    ResponseEntity<AuditView> cancel(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Reason request) {
        return ok(audits.cancel(id, Versions.fromIfMatch(ifMatch), request.reason()));
    }

    @GetMapping(path = "/{id}/report", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The audit report as PDF/A; recorded in the audit log")
    void report(@PathVariable long id, HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"internal-audit-" + id + ".pdf\"");
        audits.report(id, response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The audit programme as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aims-internal-audits-" + LocalDate.now() + "." + f.extension() + "\"");
        audits.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<AuditView> ok(AuditView view) {
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
