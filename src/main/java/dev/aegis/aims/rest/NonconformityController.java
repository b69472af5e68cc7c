package dev.aegis.aims.rest;

import dev.aegis.aims.CorrectionVocabulary.NcKind;
import dev.aegis.aims.NonconformityService;
import dev.aegis.aims.NonconformityService.ActionPlan;
import dev.aegis.aims.NonconformityService.Details;
import dev.aegis.aims.NonconformityService.NcSummary;
import dev.aegis.aims.NonconformityService.NcView;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
 * Nonconformities and improvement opportunities with their corrective actions (ISO/IEC 42001 10.1, 10.2). A
 * nonconformity's ETag is its version; an action carries its own.
 */
@RestController
@RequestMapping(path = "/api/v1/aims/nonconformities", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class NonconformityController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final NonconformityService ncs;

    NonconformityController(NonconformityService ncs) {
        this.ncs = ncs;
    }

    record Raise(
            @NotNull(message = "Say whether this is a nonconformity or an improvement opportunity.")
            NcKind kind,

            @NotBlank(message = "Give it a title.") @Size(max = 200)
            String title,

            @NotBlank(message = "Describe what does not conform.") @Size(max = 4000)
            String description,

            @NotBlank(message = "Choose who owns its correction.") @Size(max = 100)
            String owner) {}

    record FromSource(
            @NotNull(message = "Name the finding or assessment it is raised from.")
            Long sourceId,

            @NotBlank(message = "Choose who owns its correction.") @Size(max = 100)
            String owner,

            @Size(max = 200) String title,
            @Size(max = 4000) String description) {}

    record Treatment(
            @Size(max = 4000) String containment,
            @Size(max = 4000) String rootCause) {}

    record Action(
            @NotBlank(message = "Say what the action is.") @Size(max = 2000)
            String description,

            @NotBlank(message = "Choose who does the action.") @Size(max = 100)
            String owner,

            @NotNull(message = "Give the action a due date.")
            LocalDate due) {}

    record Done(@Size(max = 2000) String note) {}

    record Effectiveness(
            @NotNull(message = "Say whether the actions were effective.")
            Boolean effective,

            @NotBlank(message = "Say how you checked the effectiveness.") @Size(max = 4000)
            String note) {}

    @GetMapping
    @Operation(summary = "Every nonconformity and improvement opportunity, newest first")
    List<NcSummary> list() {
        return ncs.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A nonconformity with its containment, root cause, actions and effectiveness check")
    ResponseEntity<NcView> get(@PathVariable long id) {
        return ok(ncs.get(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise a nonconformity or improvement opportunity by hand (officers)")
    ResponseEntity<NcView> raise(@Valid @RequestBody Raise r) {
        return created(ncs.raise(new Details(r.kind(), r.title(), r.description(), r.owner())));
    }

    @PostMapping(path = "/from-audit-finding", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise from an internal audit finding (officers, or the audit's auditors); once per finding")
    ResponseEntity<NcView> fromAudit(@Valid @RequestBody FromSource r) {
        return created(ncs.raiseFromAuditFinding(r.sourceId(), r.owner()));
    }

    @PostMapping(path = "/from-telemetry-finding", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Raise from a telemetry finding (officers); once per finding")
    ResponseEntity<NcView> fromTelemetry(@Valid @RequestBody FromSource r) {
        return created(ncs.raiseFromTelemetryFinding(r.sourceId(), r.owner()));
    }

    @PostMapping(path = "/from-vendor-assessment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Raise from a vendor assessment (officers), with what does not conform; the title names the vendor when left out")
    ResponseEntity<NcView> fromVendor(@Valid @RequestBody FromSource r) {
        return created(ncs.raiseFromVendorAssessment(r.sourceId(), r.title(), r.description(), r.owner()));
    }

    @PutMapping(path = "/{id}/treatment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record containment and root cause; If-Match carries its version")
    ResponseEntity<NcView> treat(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Treatment t) {
        return ok(ncs.treat(id, Versions.fromIfMatch(ifMatch), t.containment(), t.rootCause()));
    }

    @PostMapping(path = "/{id}/actions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add a corrective action with its owner and due date (officers)")
    ResponseEntity<NcView> addAction(@PathVariable long id, @Valid @RequestBody Action a) {
        return ok(ncs.addAction(id, new ActionPlan(a.description(), a.owner(), a.due())));
    }

    @PostMapping(path = "/{id}/actions/{actionId}/done", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark an action done (its owner or an officer); If-Match carries the action's version")
    ResponseEntity<NcView> done(
            @PathVariable long id,
            @PathVariable long actionId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Done d) {
        return ok(ncs.actionDone(id, actionId, Versions.fromIfMatch(ifMatch), d.note()));
    }

    @PostMapping(path = "/{id}/effectiveness", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Effectiveness check by someone who owns none of the actions; effective closes it (If-Match)")
    ResponseEntity<NcView> check(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody Effectiveness e) {
        return ok(ncs.checkEffectiveness(id, Versions.fromIfMatch(ifMatch), e.effective(), e.note()));
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Nonconformities as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aims-nonconformities-" + LocalDate.now() + "." + f.extension() + "\"");
        ncs.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<NcView> ok(NcView v) {
        return ResponseEntity.ok().eTag(Versions.etag(v.version())).body(v);
    }

    private static ResponseEntity<NcView> created(NcView v) {
        return ResponseEntity.created(URI.create("/api/v1/aims/nonconformities/" + v.id()))
                .eTag(Versions.etag(v.version()))
                .body(v);
    }
}
