package dev.aegis.aims.rest;

import dev.aegis.aims.ImpactAssessmentService;
import dev.aegis.aims.ImpactAssessmentService.Details;
import dev.aegis.aims.ImpactAssessmentService.Impact;
import dev.aegis.aims.ImpactAssessmentService.ImpactAssessmentView;
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
 * AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4, A.5): started per AI system, the draft changed, approved by
 * someone else than its last editor, revised into a new version. An assessment's ETag is its version; every step sends
 * it back in If-Match. Each version lists its impacts with their score and whether a high one names no risk.
 */
@RestController
@RequestMapping(path = "/api/v1/aims/impact-assessments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "AI management system", description = "ISO/IEC 42001 documents, approvals, acknowledgements and roles")
class ImpactAssessmentController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImpactAssessmentService assessments;

    ImpactAssessmentController(ImpactAssessmentService assessments) {
        this.assessments = assessments;
    }

    record ImpactAssessmentRequest(
            @NotBlank(message = "Name the assessment's owner.") @Size(max = 100)
            String owner,

            Integer retentionYears,

            @NotBlank(message = "Describe the AI system and its intended use.") @Size(max = 4000)
            String intendedUse,

            @NotBlank(message = "Name the foreseeable misuse, or say why there is none.") @Size(max = 4000)
            String misuse,

            @NotBlank(message = "Name the stakeholders and the groups the system affects.") @Size(max = 4000)
            String stakeholders,

            List<Impact> impacts,

            @NotBlank(message = "Say what is done to prevent or reduce the impacts.") @Size(max = 4000)
            String measures,

            @NotBlank(message = "Say what impact remains after the measures.") @Size(max = 4000)
            String residualImpact,

            @NotNull(message = "Give the date by which the assessment is reviewed.")
            LocalDate reviewBy,

            @Size(max = 500) String changeNote) {
        Details details() {
            return new Details(
                    intendedUse, misuse, stakeholders, impacts, measures, residualImpact, reviewBy, changeNote);
        }
    }

    record ImpactAssessmentStart(
            @NotNull(message = "Choose the AI system to assess.")
            Long systemId,

            @NotNull(message = "Say what the assessment says.") @Valid
            ImpactAssessmentRequest assessment) {}

    record ImpactApproval(
            @NotNull(message = "Give the date from which this version is in force.")
            LocalDate effectiveFrom) {}

    @GetMapping
    @Operation(summary = "The impact assessments, each with its versions newest first")
    List<ImpactAssessmentView> list() {
        return assessments.list();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start the impact assessment of an AI system (its first draft); its reference (IA-001) is given")
    ResponseEntity<ImpactAssessmentView> start(@Valid @RequestBody ImpactAssessmentStart request) {
        ImpactAssessmentRequest a = request.assessment();
        ImpactAssessmentView v = assessments.start(request.systemId(), a.owner(), a.retentionYears(), a.details());
        return ResponseEntity.created(URI.create("/api/v1/aims/impact-assessments/" + v.id()))
                .eTag(Versions.etag(v.version()))
                .body(v);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One impact assessment; its ETag is its version")
    ResponseEntity<ImpactAssessmentView> get(@PathVariable long id) {
        return ok(assessments.get(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the draft; If-Match carries the assessment's ETag")
    ResponseEntity<ImpactAssessmentView> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ImpactAssessmentRequest request) {
        return ok(assessments.change(
                id, Versions.fromIfMatch(ifMatch), request.owner(), request.retentionYears(), request.details()));
    }

    @PostMapping(path = "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve the draft from its effective date; 422 for its last editor (four eyes)")
    ResponseEntity<ImpactAssessmentView> approve(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ImpactApproval request) {
        return ok(assessments.approve(id, Versions.fromIfMatch(ifMatch), request.effectiveFrom()));
    }

    @PostMapping("/{id}/revise")
    @Operation(summary = "Start the next version as a draft copied from the one in force")
    ResponseEntity<ImpactAssessmentView> revise(
            @PathVariable long id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(assessments.revise(id, Versions.fromIfMatch(ifMatch)));
    }

    @GetMapping(
            path = "/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The impact assessments as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"aims-impact-assessments-" + LocalDate.now() + "." + f.extension() + "\"");
        assessments.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<ImpactAssessmentView> ok(ImpactAssessmentView v) {
        return ResponseEntity.ok().eTag(Versions.etag(v.version())).body(v);
    }
}
