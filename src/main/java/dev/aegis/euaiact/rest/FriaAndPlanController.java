package dev.aegis.euaiact.rest;

import dev.aegis.euaiact.EuAiActDocuments;
import dev.aegis.euaiact.Fria;
import dev.aegis.euaiact.FriaService;
import dev.aegis.euaiact.FriaService.LinkedRisk;
import dev.aegis.euaiact.MonitoringPlan;
import dev.aegis.euaiact.MonitoringPlan.Cadence;
import dev.aegis.euaiact.MonitoringPlanService;
import dev.aegis.euaiact.MonitoringPlanService.DataSource;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
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
 * The fundamental rights impact assessment (Art. 27) and the post-market monitoring plan (Art. 72) over HTTP, through
 * the same service methods as the system page's panels. A version's or plan's ETag is its record version, sent back in
 * If-Match with each change.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "EU AI Act", description = "Classification of AI systems and serious incidents (Regulation (EU) 2024/1689)")
class FriaAndPlanController {

    private final FriaService frias;
    private final MonitoringPlanService plans;
    private final EuAiActDocuments documents;

    FriaAndPlanController(FriaService frias, MonitoringPlanService plans, EuAiActDocuments documents) {
        this.frias = frias;
        this.plans = plans;
        this.documents = documents;
    }

    // --- fundamental rights impact assessment

    record FriaView(
            long id,
            long systemId,
            int number,
            String status,
            String processes,
            String periodAndFrequency,
            String personsAffected,
            String risksOfHarm,
            String humanOversight,
            String measures,
            List<Long> riskIds,
            String draftedBy,
            Instant draftedAt,
            String approvedBy,
            Instant approvedAt,
            String authority,
            LocalDate authorityNotifiedOn,
            long version) {
        static FriaView of(Fria f) {
            return new FriaView(
                    f.getId(),
                    f.getSystemId(),
                    f.getNumber(),
                    f.getStatus().label(),
                    f.getProcesses(),
                    f.getPeriodAndFrequency(),
                    f.getPersonsAffected(),
                    f.getRisksOfHarm(),
                    f.getHumanOversight(),
                    f.getMeasures(),
                    f.getRiskIds(),
                    f.getDraftedBy(),
                    f.getDraftedAt(),
                    f.getApprovedBy(),
                    f.getApprovedAt(),
                    f.getAuthority(),
                    f.getAuthorityNotifiedOn(),
                    f.getVersion());
        }
    }

    record FriaStandingView(
            long systemId,
            boolean due,
            String status,
            FriaView latest,
            List<FriaView> versions,
            List<LinkedRisk> risks) {}

    /** Art. 27(1)(a)–(f); the service names the missing part. */
    record FriaRequest(
            @Size(max = 8000) String processes,
            @Size(max = 8000) String periodAndFrequency,
            @Size(max = 8000) String personsAffected,
            @Size(max = 8000) String risksOfHarm,
            @Size(max = 8000) String humanOversight,
            @Size(max = 8000) String measures,
            List<Long> riskIds) {
        FriaService.Content content() {
            return new FriaService.Content(
                    processes, periodAndFrequency, personsAffected, risksOfHarm, humanOversight, measures, riskIds);
        }

        boolean empty() {
            return processes == null
                    && periodAndFrequency == null
                    && personsAffected == null
                    && risksOfHarm == null
                    && humanOversight == null
                    && measures == null
                    && riskIds == null;
        }
    }

    record NotificationRequest(
            @NotNull(message = "Name the market surveillance authority notified.") @Size(max = 300)
            String authority,

            @NotNull(message = "Give the day the authority was notified.")
            LocalDate notifiedOn) {}

    @GetMapping("/systems/{id}/eu-ai-act/fria")
    @Operation(
            summary = "A system's fundamental rights impact assessment (Art. 27): whether one is due, its status in "
                    + "words, the latest version and every version (newest first); the ETag is the latest's")
    ResponseEntity<FriaStandingView> fria(@PathVariable long id) {
        FriaService.Standing s = frias.standing(id);
        List<FriaView> versions = s.versions().stream().map(FriaView::of).toList();
        FriaStandingView v = new FriaStandingView(
                id, s.due(), s.status(), versions.isEmpty() ? null : versions.getFirst(), versions, s.systemRisks());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (v.latest() != null) {
            ok.eTag(Versions.etag(v.latest().version()));
        }
        return ok.body(v);
    }

    @PostMapping(path = "/systems/{id}/eu-ai-act/fria", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start the next version of the assessment: with the six parts given, or — with an empty body — "
                    + "copied from the latest version")
    ResponseEntity<FriaView> draftFria(@PathVariable long id, @Valid @RequestBody FriaRequest request) {
        Fria f = frias.draft(id, request.empty() ? null : request.content());
        return ResponseEntity.created(URI.create("/api/v1/eu-ai-act/frias/" + f.getId()))
                .eTag(Versions.etag(f.getVersion()))
                .body(FriaView.of(f));
    }

    @GetMapping("/eu-ai-act/frias/{friaId}")
    @Operation(summary = "One version of an assessment; its ETag is its record version")
    ResponseEntity<FriaView> friaVersion(@PathVariable long friaId) {
        return ok(frias.get(friaId));
    }

    @PutMapping(path = "/eu-ai-act/frias/{friaId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a draft version of the assessment; If-Match its ETag")
    ResponseEntity<FriaView> changeFria(
            @PathVariable long friaId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody FriaRequest request) {
        return ok(frias.change(friaId, Versions.fromIfMatch(ifMatch), request.content()));
    }

    @PostMapping("/eu-ai-act/frias/{friaId}/approval")
    @Operation(summary = "Approve a draft version (by someone other than its author); If-Match its ETag")
    ResponseEntity<FriaView> approveFria(
            @PathVariable long friaId, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(frias.approve(friaId, Versions.fromIfMatch(ifMatch)));
    }

    @PostMapping(path = "/eu-ai-act/frias/{friaId}/notification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the day the market surveillance authority was notified of the results (Art. 27(3)); "
                    + "If-Match its ETag")
    ResponseEntity<FriaView> friaNotified(
            @PathVariable long friaId,
            @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @RequestBody NotificationRequest r) {
        return ok(frias.notified(friaId, Versions.fromIfMatch(ifMatch), r.authority(), r.notifiedOn()));
    }

    @GetMapping(path = "/eu-ai-act/frias/{friaId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(
            summary = "One version of the assessment as PDF: the six parts of Art. 27(1), approval and notification; "
                    + "recorded in the audit log")
    void friaPdf(@PathVariable long friaId, HttpServletResponse response) throws IOException {
        Fria f = frias.get(friaId);
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"fria-system-" + f.getSystemId() + "-v" + f.getNumber() + ".pdf\"");
        documents.friaPdf(friaId, response.getOutputStream());
        response.flushBuffer();
    }

    private static ResponseEntity<FriaView> ok(Fria f) {
        return ResponseEntity.ok().eTag(Versions.etag(f.getVersion())).body(FriaView.of(f));
    }

    // --- post-market monitoring plan

    record MonitoringPlanView(
            String objectives,
            String otherSources,
            Cadence cadence,
            String cadenceLabel,
            String reviewer,
            String evaluation,
            String actions,
            String updatedBy,
            Instant updatedAt,
            long version) {
        static MonitoringPlanView of(MonitoringPlan p) {
            return new MonitoringPlanView(
                    p.getObjectives(),
                    p.getOtherSources(),
                    p.getCadence(),
                    p.getCadence().label(),
                    p.getReviewer(),
                    p.getEvaluation(),
                    p.getActions(),
                    p.getUpdatedBy(),
                    p.getUpdatedAt(),
                    p.getVersion());
        }
    }

    record MonitoringPlanStanding(
            long systemId,
            boolean required,
            String requiredBecause,
            MonitoringPlanView plan,
            List<DataSource> sources) {}

    /** The plan; the service names the missing field. */
    record MonitoringPlanRequest(
            @Size(max = 4000) String objectives,
            @Size(max = 4000) String otherSources,
            Cadence cadence,
            @Size(max = 200) String reviewer,
            @Size(max = 4000) String evaluation,
            @Size(max = 4000) String actions) {
        MonitoringPlanService.Content content() {
            return new MonitoringPlanService.Content(objectives, otherSources, cadence, reviewer, evaluation, actions);
        }
    }

    @GetMapping("/systems/{id}/eu-ai-act/monitoring-plan")
    @Operation(
            summary = "A system's post-market monitoring plan (Art. 72): whether one is required, the plan (null "
                    + "until written; its ETag is the plan's version) and its live data sources from the telemetry")
    ResponseEntity<MonitoringPlanStanding> monitoringPlan(@PathVariable long id) {
        return planOk(plans.view(id));
    }

    @PutMapping(path = "/systems/{id}/eu-ai-act/monitoring-plan", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Write the monitoring plan: the first time without If-Match, afterwards with If-Match the "
                    + "plan's ETag")
    ResponseEntity<MonitoringPlanStanding> writePlan(
            @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MonitoringPlanRequest request) {
        plans.write(id, ifMatch == null ? null : Versions.fromIfMatch(ifMatch), request.content());
        return planOk(plans.view(id));
    }

    @GetMapping("/systems/{id}/eu-ai-act/monitoring-plan/evaluation")
    @Operation(
            summary = "The periodic evaluation of the monitoring plan over a period (from and to, both days included; "
                    + "the last calendar quarter when left out): the plan's telemetry tests and their results, the "
                    + "findings and incidents of the period, and a conclusion")
    EuAiActDocuments.PlanEvaluation evaluation(
            @PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return documents.evaluation(id, period(from, to));
    }

    @GetMapping(
            path = "/systems/{id}/eu-ai-act/monitoring-plan/evaluation/pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The periodic evaluation as PDF (same period rules); recorded in the audit log")
    void evaluationPdf(
            @PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        EuAiActDocuments.Period p = period(from, to);
        documents.evaluation(id, p); // refuses (422) before any byte of PDF is written
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"monitoring-evaluation-system-" + id + "-" + p.from() + "-" + p.to() + ".pdf\"");
        documents.evaluationPdf(id, p, response.getOutputStream());
        response.flushBuffer();
    }

    private EuAiActDocuments.Period period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return documents.defaultPeriod();
        }
        if (from == null || to == null) {
            throw new DomainRuleException(from == null ? "from" : "to", "Give both the first and the last day.");
        }
        return new EuAiActDocuments.Period(from, to);
    }

    private static ResponseEntity<MonitoringPlanStanding> planOk(MonitoringPlanService.View v) {
        MonitoringPlanStanding body = new MonitoringPlanStanding(
                v.systemId(),
                v.required(),
                v.requiredBecause(),
                v.plan().map(MonitoringPlanView::of).orElse(null),
                v.sources());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        v.plan().ifPresent(p -> ok.eTag(Versions.etag(p.getVersion())));
        return ok.body(body);
    }
}
