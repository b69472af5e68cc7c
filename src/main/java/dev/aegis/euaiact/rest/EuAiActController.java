package dev.aegis.euaiact.rest;

import dev.aegis.euaiact.Answers;
import dev.aegis.euaiact.ClassificationRecord;
import dev.aegis.euaiact.ClassificationService;
import dev.aegis.euaiact.ClassificationService.DutyStatus;
import dev.aegis.euaiact.ClassificationService.Standing;
import dev.aegis.euaiact.Incident;
import dev.aegis.euaiact.IncidentDeadlines.Kind;
import dev.aegis.euaiact.IncidentService;
import dev.aegis.euaiact.IncidentService.Details;
import dev.aegis.euaiact.IncidentService.FollowUp;
import dev.aegis.euaiact.IncidentService.Report;
import dev.aegis.euaiact.IncidentService.Row;
import dev.aegis.euaiact.TechnicalDocumentation;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
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
 * The EU AI Act over HTTP: a system's classification (current and history; a new one through the same service as the
 * questionnaire, or an officer's decision with a reason) and the serious incident register (Art. 73). An incident's
 * ETag is its version, sent back in If-Match with each step.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "EU AI Act", description = "Classification of AI systems and serious incidents (Regulation (EU) 2024/1689)")
class EuAiActController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ClassificationService classifications;
    private final IncidentService incidents;
    private final TechnicalDocumentation documentation;
    private final dev.aegis.euaiact.EuAiActDocuments documents;

    EuAiActController(
            ClassificationService classifications,
            IncidentService incidents,
            TechnicalDocumentation documentation,
            dev.aegis.euaiact.EuAiActDocuments documents) {
        this.documents = documents;
        this.classifications = classifications;
        this.incidents = incidents;
        this.documentation = documentation;
    }

    @GetMapping(path = "/systems/{id}/eu-ai-act/technical-documentation", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The technical documentation of Annex IV as PDF, assembled from the register (points it "
                    + "lacks say \"Not yet recorded\"); recorded in the audit log. Only for a system the organisation "
                    + "provides: otherwise 422 naming the role and why")
    void technicalDocumentation(@PathVariable long id, HttpServletResponse response) throws IOException {
        documentation.requireOffered(id);
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"annex-iv-system-" + id + "-" + LocalDate.now() + ".pdf\"");
        documentation.pdf(id, response.getOutputStream());
        response.flushBuffer();
    }

    // --- classification

    record ClassificationView(
            int number,
            String source,
            EuAiActTier tier,
            EuAiActRole role,
            String basis,
            List<String> grounds,
            boolean friaDue,
            String overrideReason,
            String answeredBy,
            Instant answeredAt) {
        static ClassificationView of(ClassificationRecord c) {
            return new ClassificationView(
                    c.getNumber(),
                    c.getSource().name(),
                    c.getTier(),
                    c.getRole(),
                    c.getBasis(),
                    c.getGrounds(),
                    c.isFriaDue(),
                    c.getOverrideReason(),
                    c.getAnsweredBy(),
                    c.getAnsweredAt());
        }
    }

    record StandingView(
            long systemId,
            String systemName,
            ClassificationView current,
            String reclassifyBecause,
            List<DutyStatus> duties,
            List<ClassificationView> history) {
        static StandingView of(Standing s) {
            return new StandingView(
                    s.systemId(),
                    s.systemName(),
                    s.current().map(ClassificationView::of).orElse(null),
                    s.reclassifyBecause().orElse(null),
                    s.duties(),
                    s.history().stream().map(ClassificationView::of).toList());
        }
    }

    /** The questionnaire's answers; an omitted yes/no is "no", an omitted list "none of these". */
    record AnswersRequest(
            @NotNull(message = "Say whether it is an AI system (Art. 3(1)).")
            Boolean aiSystem,

            Set<Answers.ProhibitedPractice> prohibitedPractices,
            Boolean annexISafetyComponent,
            Set<@Size(max = 10) String> annexIIIUses,
            Boolean profiling,
            Set<Answers.Derogation> derogationConditions,
            @Size(max = 4000) String derogationReasoning,
            Set<Answers.TransparencyCase> transparencyCases,
            Answers.Gpai gpai,
            Set<Answers.ActRole> roles,
            Boolean publicService) {
        Answers answers() {
            return new Answers(
                    aiSystem,
                    prohibitedPractices,
                    Boolean.TRUE.equals(annexISafetyComponent),
                    annexIIIUses,
                    Boolean.TRUE.equals(profiling),
                    derogationConditions,
                    derogationReasoning,
                    transparencyCases,
                    gpai,
                    roles,
                    Boolean.TRUE.equals(publicService));
        }
    }

    record OverrideRequest(
            @NotNull(message = "Choose the tier.") EuAiActTier tier,
            @NotNull(message = "Choose the role.") EuAiActRole role,

            @NotBlank(message = "Say why the tier and role differ from the questionnaire.") @Size(max = 4000)
            String reason) {}

    @GetMapping("/systems/{id}/eu-ai-act")
    @Operation(
            summary = "A system's EU AI Act classification: the current one, its duties with their status, "
                    + "whether to classify again, and every classification before")
    StandingView classification(@PathVariable long id) {
        return StandingView.of(classifications.standing(id));
    }

    @PostMapping(path = "/systems/{id}/eu-ai-act/classifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Classify a system with the questionnaire's answers (the same rules as the screen); sets its "
                    + "tier, role and duties")
    ResponseEntity<ClassificationView> classify(@PathVariable long id, @Valid @RequestBody AnswersRequest request) {
        ClassificationRecord c = classifications.submit(id, request.answers());
        return ResponseEntity.created(URI.create("/api/v1/systems/" + id + "/eu-ai-act"))
                .body(ClassificationView.of(c));
    }

    @PostMapping(path = "/systems/{id}/eu-ai-act/overrides", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An officer's decision on tier and role with the recorded reason, kept as a classification")
    ResponseEntity<ClassificationView> override(@PathVariable long id, @Valid @RequestBody OverrideRequest request) {
        ClassificationRecord c = classifications.override(id, request.tier(), request.role(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/systems/" + id + "/eu-ai-act"))
                .body(ClassificationView.of(c));
    }

    // --- incidents

    record IncidentView(
            long id,
            String reference,
            long systemId,
            String system,
            Long findingId,
            String title,
            String description,
            Kind kind,
            String kindLabel,
            boolean widespread,
            LocalDate occurredOn,
            Instant awareAt,
            String awareZone,
            Instant deadline,
            String standing,
            String countdown,
            String status,
            String authority,
            Instant reportedAt,
            boolean reportComplete,
            String reportNote,
            Instant providerInformedAt,
            String investigation,
            String correctiveAction,
            String closureNote,
            Instant closedAt,
            String closedBy,
            String raisedBy,
            Instant raisedAt,
            long version) {
        static IncidentView of(Row r) {
            Incident i = r.incident();
            return new IncidentView(
                    i.getId(),
                    i.getReference(),
                    i.getSystemId(),
                    r.system(),
                    i.getFindingId(),
                    i.getTitle(),
                    i.getDescription(),
                    i.getKind(),
                    i.getKind().label(),
                    i.isWidespread(),
                    i.getOccurredOn(),
                    i.getAwareAt(),
                    i.getAwareZone().getId(),
                    i.getDeadline(),
                    r.standing().label(),
                    r.countdown(),
                    i.getStatus().label(),
                    i.getAuthority(),
                    i.getReportedAt(),
                    i.isReportComplete(),
                    i.getReportNote(),
                    i.getProviderInformedAt(),
                    i.getInvestigation(),
                    i.getCorrectiveAction(),
                    i.getClosureNote(),
                    i.getClosedAt(),
                    i.getClosedBy(),
                    i.getRaisedBy(),
                    i.getRaisedAt(),
                    i.getVersion());
        }
    }

    record IncidentRequest(
            @NotBlank(message = "Give the incident a title.") @Size(max = 200)
            String title,

            @NotBlank(message = "Say what happened.") @Size(max = 4000)
            String description,

            @NotNull(message = "Choose the kind of incident.")
            Kind kind,

            Boolean widespread,
            LocalDate occurredOn,

            @NotNull(message = "Give the date and time the organisation became aware of the incident.")
            LocalDateTime awareAt,

            @Size(max = 64) String zone) {
        Details details() {
            return new Details(title, description, kind, widespread, occurredOn, awareAt, zone);
        }
    }

    record NewIncident(
            @NotNull(message = "Name the AI system.") Long systemId,
            @Valid @NotNull IncidentRequest incident) {}

    record EscalationRequest(
            @Size(max = 200) String title,
            @Size(max = 4000) String description,

            @NotNull(message = "Choose the kind of incident.")
            Kind kind,

            Boolean widespread,
            LocalDate occurredOn,

            @NotNull(message = "Give the date and time the organisation became aware of the incident.")
            LocalDateTime awareAt,

            @Size(max = 64) String zone) {}

    record ReportRequest(
            @NotBlank(message = "Name the market surveillance authority.") @Size(max = 300)
            String authority,

            @NotNull(message = "Give the date and time the report was sent.")
            LocalDateTime reportedAt,

            Boolean complete,
            @Size(max = 4000) String note) {}

    record FollowUpRequest(
            @NotBlank(message = "Say what the investigation found.") @Size(max = 4000)
            String investigation,

            @Size(max = 4000) String correctiveAction) {}

    record ProviderInformedRequest(
            @NotNull(message = "Give the date and time.") LocalDateTime at) {}

    record CloseRequest(@Size(max = 4000) String note) {}

    @GetMapping("/eu-ai-act/incidents")
    @Operation(summary = "The incident register, newest awareness first, each with its deadline and standing")
    List<IncidentView> incidents(@RequestParam(required = false) Long system) {
        return (system == null ? incidents.list() : incidents.ofSystem(system))
                .stream().map(IncidentView::of).toList();
    }

    @GetMapping("/eu-ai-act/incidents/due")
    @Operation(summary = "Open serious incidents whose report is overdue or due within three days, soonest first")
    List<IncidentView> due() {
        return incidents.due().stream().map(IncidentView::of).toList();
    }

    @GetMapping("/eu-ai-act/incidents/{id}")
    @Operation(summary = "One incident; its ETag is its version")
    ResponseEntity<IncidentView> incident(@PathVariable long id) {
        return ok(incidents.get(id));
    }

    @PostMapping(path = "/eu-ai-act/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an incident with an AI system; its reporting deadline follows from kind and awareness")
    ResponseEntity<IncidentView> raise(@Valid @RequestBody NewIncident request) {
        Incident i = incidents.raise(request.systemId(), request.incident().details());
        IncidentView v = IncidentView.of(incidents.get(i.getId()));
        return ResponseEntity.created(URI.create("/api/v1/eu-ai-act/incidents/" + i.getId()))
                .eTag(Versions.etag(v.version()))
                .body(v);
    }

    @PostMapping(path = "/findings/{findingId}/incident", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Escalate a telemetry finding to an incident (title and description from the finding if left "
                    + "out)")
    ResponseEntity<IncidentView> escalate(@PathVariable long findingId, @Valid @RequestBody EscalationRequest r) {
        Incident i = incidents.escalate(
                findingId,
                new Details(
                        r.title(), r.description(), r.kind(), r.widespread(), r.occurredOn(), r.awareAt(), r.zone()));
        IncidentView v = IncidentView.of(incidents.get(i.getId()));
        return ResponseEntity.created(URI.create("/api/v1/eu-ai-act/incidents/" + i.getId()))
                .eTag(Versions.etag(v.version()))
                .body(v);
    }

    @PutMapping(path = "/eu-ai-act/incidents/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change what is known of an incident (its deadline is computed again); If-Match its version")
    ResponseEntity<IncidentView> change(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody IncidentRequest request) {
        incidents.change(id, Versions.fromIfMatch(ifMatch), request.details());
        return ok(incidents.get(id));
    }

    @PostMapping(path = "/eu-ai-act/incidents/{id}/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the report sent to the market surveillance authority (an initial one may be "
                    + "incomplete, Art. 73(5)); times in the incident's zone")
    ResponseEntity<IncidentView> report(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ReportRequest r) {
        incidents.report(
                id, Versions.fromIfMatch(ifMatch), new Report(r.authority(), r.reportedAt(), r.complete(), r.note()));
        return ok(incidents.get(id));
    }

    @PostMapping(path = "/eu-ai-act/incidents/{id}/provider-informed", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record when the deployer informed the provider (Art. 26(5))")
    ResponseEntity<IncidentView> providerInformed(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody ProviderInformedRequest r) {
        incidents.providerInformed(id, Versions.fromIfMatch(ifMatch), r.at());
        return ok(incidents.get(id));
    }

    @PostMapping(path = "/eu-ai-act/incidents/{id}/follow-up", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record the investigation and corrective action (Art. 73(6))")
    ResponseEntity<IncidentView> followUp(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody FollowUpRequest r) {
        incidents.followUp(id, Versions.fromIfMatch(ifMatch), new FollowUp(r.investigation(), r.correctiveAction()));
        return ok(incidents.get(id));
    }

    @PostMapping(path = "/eu-ai-act/incidents/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Close an incident: a serious one after its complete report, any after its investigation")
    ResponseEntity<IncidentView> close(
            @PathVariable long id,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody CloseRequest r) {
        incidents.close(id, Versions.fromIfMatch(ifMatch), r.note());
        return ok(incidents.get(id));
    }

    @GetMapping(path = "/eu-ai-act/incidents/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "The incident's report as PDF: the facts Art. 73 asks for, the deadline, the report sent and "
                    + "the follow-up; recorded in the audit log")
    void incidentPdf(@PathVariable long id, HttpServletResponse response) throws IOException {
        String reference = incidents.get(id).incident().getReference();
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"incident-" + reference + "-" + LocalDate.now() + ".pdf\"");
        documents.incidentPdf(id, response.getOutputStream());
        response.flushBuffer();
    }

    @GetMapping(
            path = "/eu-ai-act/incidents/export",
            produces = {"text/csv", XLSX, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "The incident register as CSV or XLSX (format=csv|xlsx); recorded in the audit log")
    void export(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        TabularFormat f = TabularFormat.of(format);
        response.setContentType(f == TabularFormat.CSV ? "text/csv;charset=UTF-8" : f.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"incidents-" + LocalDate.now() + "." + f.extension() + "\"");
        incidents.export(f, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<IncidentView> ok(Row row) {
        IncidentView v = IncidentView.of(row);
        return ResponseEntity.ok().eTag(Versions.etag(v.version())).body(v);
    }
}
