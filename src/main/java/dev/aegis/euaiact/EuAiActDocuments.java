package dev.aegis.euaiact;

import dev.aegis.euaiact.EuAiActEvents.DocumentExported;
import dev.aegis.euaiact.IncidentDeadlines.Kind;
import dev.aegis.euaiact.IncidentService.Row;
import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.Words;
import dev.aegis.shared.reports.DocRow;
import dev.aegis.shared.reports.Reports;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetryService.RecordedResult;
import dev.aegis.telemetry.TelemetryTest;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The EU AI Act's documents besides Annex IV, as PDFs printed from the register: a version of the fundamental rights
 * impact assessment (Art. 27), a serious incident report (Art. 73), and the periodic evaluation of the post-market
 * monitoring plan (Art. 72) over a period. Every export is written to the audit log.
 */
@Service
public class EuAiActDocuments {

    static final String NOT_YET = "Not yet recorded.";

    private final FriaService frias;
    private final IncidentService incidents;
    private final MonitoringPlanService plans;
    private final AiSystemService systems;
    private final TelemetryService telemetry;
    private final FindingService findings;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EuAiActDocuments(
            FriaService frias,
            IncidentService incidents,
            MonitoringPlanService plans,
            AiSystemService systems,
            TelemetryService telemetry,
            FindingService findings,
            Reports reports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.frias = frias;
        this.incidents = incidents;
        this.plans = plans;
        this.systems = systems;
        this.telemetry = telemetry;
        this.findings = findings;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    // --- fundamental rights impact assessment

    /** The rows of one version of an assessment: the six parts of Art. 27(1), its approval and the notification. */
    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public List<DocRow> friaRows(long friaId) {
        Fria f = frias.get(friaId);
        AiSystem system = systems.get(f.getSystemId());
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("Version " + f.getNumber() + " of the assessment"));
        rows.add(DocRow.kv("AI system", system.getName()));
        rows.add(DocRow.kv("Status", f.getStatus().label()));
        rows.add(DocRow.kv("Drafted", f.getDraftedBy() + ", " + Dates.minute(f.getDraftedAt())));
        rows.add(DocRow.kv(
                "Approved",
                f.getApprovedAt() == null
                        ? "Not approved yet."
                        : f.getApprovedBy() + ", " + Dates.minute(f.getApprovedAt())));
        rows.add(DocRow.kv(
                "Market surveillance authority notified (Art. 27(3))",
                f.getAuthorityNotifiedOn() == null
                        ? "Not notified yet."
                        : f.getAuthority() + ", on " + Dates.day(f.getAuthorityNotifiedOn())));
        rows.add(DocRow.h1("The assessment (Art. 27(1))"));
        rows.add(DocRow.kv("(a) The deployer's processes the system is used in", f.getProcesses()));
        rows.add(DocRow.kv("(b) Period and frequency of use", f.getPeriodAndFrequency()));
        rows.add(DocRow.kv("(c) Categories of people and groups affected", f.getPersonsAffected()));
        rows.add(DocRow.kv("(d) Specific risks of harm to them", f.getRisksOfHarm()));
        rows.add(DocRow.kv("(e) Human oversight measures", f.getHumanOversight()));
        rows.add(DocRow.kv("(f) Measures when the risks materialise, governance and complaints", f.getMeasures()));
        rows.add(DocRow.h1("Risks of the system the assessment rests on"));
        Map<Long, String> titles = frias.standing(f.getSystemId()).systemRisks().stream()
                .collect(Collectors.toMap(FriaService.LinkedRisk::id, FriaService.LinkedRisk::title));
        List<Long> linked = f.getRiskIds() == null ? List.of() : f.getRiskIds();
        if (linked.isEmpty()) {
            rows.add(DocRow.p("No risk of the risk register is linked."));
        } else {
            for (Long id : linked) {
                rows.add(DocRow.kv("Risk " + id, titles.getOrDefault(id, "(no longer a risk of this system)")));
            }
        }
        return rows;
    }

    @PreAuthorize(IncidentService.READERS)
    @Transactional
    public void friaPdf(long friaId, OutputStream out) {
        Fria f = frias.get(friaId);
        AiSystem system = systems.get(f.getSystemId());
        String title = "Fundamental rights impact assessment (Art. 27)";
        reports.document(
                title,
                system.getName() + " · version " + f.getNumber(),
                "FRIA · " + system.getName() + " · version " + f.getNumber() + " · printed "
                        + Dates.minute(clock.instant()),
                friaRows(friaId),
                out);
        events.publishEvent(new DocumentExported(
                f.getSystemId(), "Fundamental rights impact assessment, version " + f.getNumber(), "PDF"));
    }

    // --- incident report

    /** The rows of an incident's report: the facts Art. 73 asks for, the deadline and where the incident stands. */
    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public List<DocRow> incidentRows(long incidentId) {
        Row r = incidents.get(incidentId);
        Incident i = r.incident();
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("The incident"));
        rows.add(DocRow.kv("Reference", i.getReference()));
        rows.add(DocRow.kv("AI system", r.system()));
        rows.add(DocRow.kv("Title", i.getTitle()));
        rows.add(DocRow.kv("What happened", i.getDescription()));
        rows.add(DocRow.kv("Kind", i.getKind().label() + " (" + i.getKind().provision() + ")"));
        rows.add(DocRow.kv(
                "Serious incident (Art. 3(49))",
                i.getKind() == Kind.NOT_SERIOUS
                        ? "No: kept in the register, not reported to the authority"
                        : "Yes" + (i.isWidespread() ? "; a widespread infringement" : "")));
        rows.add(DocRow.kv("Occurred on", i.getOccurredOn() == null ? NOT_YET : Dates.day(i.getOccurredOn())));
        rows.add(DocRow.kv("The organisation became aware", IncidentService.local(i.getAwareAt(), i.getAwareZone())));
        rows.add(DocRow.kv("Recorded", i.getRaisedBy() + ", " + Dates.minute(i.getRaisedAt())));
        if (i.getFindingId() != null) {
            rows.add(DocRow.kv("Raised from", "Telemetry finding " + i.getFindingId()));
        }
        rows.add(DocRow.h1("Deadline (Art. 73(2)–(4))"));
        rows.add(DocRow.kv(
                "Report due by",
                i.getDeadline() == null
                        ? "No report is due: the incident is not serious."
                        : IncidentService.local(i.getDeadline(), i.getAwareZone())));
        rows.add(DocRow.kv(
                "Status",
                i.getStatus().label() + " · " + r.standing().label()
                        + (r.countdown().isBlank() ? "" : " · " + r.countdown())));
        rows.add(DocRow.h1("Report to the market surveillance authority"));
        rows.add(DocRow.kv("Authority", i.getAuthority() == null ? NOT_YET : i.getAuthority()));
        rows.add(DocRow.kv(
                "Reported",
                i.getReportedAt() == null
                        ? "Not reported yet."
                        : IncidentService.local(i.getReportedAt(), i.getAwareZone())
                                + (i.isReportComplete()
                                        ? " (complete)"
                                        : " (initial, incomplete report, Art. 73(5))")));
        rows.add(DocRow.kv("Note", i.getReportNote() == null ? "–" : i.getReportNote()));
        rows.add(DocRow.kv(
                "Provider informed (Art. 26(5))",
                i.getProviderInformedAt() == null
                        ? NOT_YET
                        : IncidentService.local(i.getProviderInformedAt(), i.getAwareZone())));
        rows.add(DocRow.h1("Follow-up (Art. 73(6))"));
        rows.add(DocRow.kv("Investigation", i.getInvestigation() == null ? NOT_YET : i.getInvestigation()));
        rows.add(DocRow.kv("Corrective action", i.getCorrectiveAction() == null ? NOT_YET : i.getCorrectiveAction()));
        rows.add(DocRow.kv(
                "Closed",
                i.getClosedAt() == null
                        ? "Open"
                        : i.getClosedBy() + ", " + Dates.minute(i.getClosedAt())
                                + (i.getClosureNote() == null ? "" : ": " + i.getClosureNote())));
        return rows;
    }

    @PreAuthorize(IncidentService.READERS)
    @Transactional
    public void incidentPdf(long incidentId, OutputStream out) {
        Incident i = incidents.get(incidentId).incident();
        String title = "Serious incident report (Art. 73)";
        reports.document(
                i.getKind() == Kind.NOT_SERIOUS ? "Incident report" : title,
                i.getReference() + " · " + i.getTitle(),
                i.getReference() + " · printed " + Dates.minute(clock.instant()),
                incidentRows(incidentId),
                out);
        events.publishEvent(new DocumentExported(i.getSystemId(), "Incident report " + i.getReference(), "PDF"));
    }

    // --- periodic evaluation of the post-market monitoring plan

    /** A period of days, both ends included. */
    public record Period(LocalDate from, LocalDate to) {
        /** The calendar quarter before the one {@code today} falls in. */
        public static Period quarterBefore(LocalDate today) {
            LocalDate start = today.with(IsoFields.DAY_OF_QUARTER, 1).minusMonths(3);
            return new Period(start, start.plusMonths(3).minusDays(1));
        }

        public String describe() {
            return Dates.day(from) + " to " + Dates.day(to);
        }

        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /** One telemetry test of the plan with its runs in the period; the latest run's figure ("No data" when none). */
    public record TestLine(String test, int runs, int passed, int failed, int noData, String lastFigure) {}

    /** A finding opened in the period. */
    public record FindingLine(String title, String severity, String state, Instant firstSeen) {}

    /** An incident the organisation became aware of in the period. */
    public record IncidentLine(String reference, String title, String kind, String status, Instant awareAt) {}

    /** The evaluation of a period: the plan's tests and their results, findings, incidents and a conclusion. */
    public record PlanEvaluation(
            long systemId,
            String system,
            Period period,
            MonitoringPlan plan,
            List<TestLine> tests,
            List<FindingLine> findings,
            List<IncidentLine> incidents,
            String conclusion) {}

    /** The calendar quarter before today (UTC): the period an evaluation covers unless another is chosen. */
    public Period defaultPeriod() {
        return Period.quarterBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public PlanEvaluation evaluation(long systemId, Period period) {
        AiSystem system = systems.get(systemId);
        if (period == null) {
            period = defaultPeriod();
        }
        if (period.from() == null || period.to() == null) {
            throw new DomainRuleException(period.from() == null ? "from" : "to", "Give the first and last day.");
        }
        if (period.to().isBefore(period.from())) {
            throw new DomainRuleException("to", "The period cannot end before it starts.");
        }
        MonitoringPlan plan = plans.view(systemId)
                .plan()
                .orElseThrow(() -> new DomainRuleException(
                        "plan", "The system has no post-market monitoring plan yet: write it first."));
        Instant from = period.start();
        Instant to = period.end();
        List<RecordedResult> results = telemetry
                .results(Set.of(systemId), from, to, PageRequest.of(0, 5000))
                .getContent();
        List<TestLine> tests = new ArrayList<>();
        for (TelemetryTest t : telemetry.tests(systemId)) {
            List<RecordedResult> mine = results.stream()
                    .filter(r -> r.result().testId() == t.getId())
                    .toList();
            RecordedResult last = mine.stream()
                    .max(java.util.Comparator.comparing(r -> r.result().windowEnd()))
                    .orElse(null);
            tests.add(new TestLine(
                    t.describe(),
                    mine.size(),
                    count(mine, Outcome.PASSED),
                    count(mine, Outcome.FAILED),
                    count(mine, Outcome.NO_DATA),
                    last == null ? "–" : last.result().outcome() == Outcome.NO_DATA ? "No data" : last.figureText()));
        }
        List<FindingLine> opened =
                findings.search(FindingService.Filter.ofSystem(systemId), PageRequest.of(0, 1000)).stream()
                        .filter(f -> within(f.getFirstSeen(), from, to))
                        .map((Finding f) -> new FindingLine(
                                f.getTitle(),
                                f.getSeverity().label(),
                                Words.of(f.getState().name()),
                                f.getFirstSeen()))
                        .toList();
        List<Incident> raised = incidents.ofSystem(systemId).stream()
                .map(Row::incident)
                .filter(i -> within(i.getAwareAt(), from, to))
                .toList();
        List<IncidentLine> incidentLines = raised.stream()
                .map(i -> new IncidentLine(
                        i.getReference(),
                        i.getTitle(),
                        i.getKind().label(),
                        i.getStatus().label(),
                        i.getAwareAt()))
                .toList();
        int runs = tests.stream().mapToInt(TestLine::runs).sum();
        int failed = tests.stream().mapToInt(TestLine::failed).sum();
        long serious =
                raised.stream().filter(i -> i.getKind() != Kind.NOT_SERIOUS).count();
        String conclusion;
        if (runs == 0 && opened.isEmpty() && raised.isEmpty()) {
            conclusion = "No telemetry result, finding or incident in the period: the plan's data sources did not "
                    + "report, so the period cannot be evaluated from them. Check the monitored deployments.";
        } else if (failed == 0 && opened.isEmpty() && raised.isEmpty()) {
            conclusion = (runs == 1 ? "The one test run passed" : "All " + runs + " test runs passed")
                    + " and no finding or incident arose: the system performed "
                    + "as the plan expects in the period.";
        } else {
            conclusion = failed + " of " + counted(runs, "test run", "test runs") + " failed; "
                    + counted(opened.size(), "finding", "findings") + " and "
                    + counted(raised.size(), "incident", "incidents") + " (" + serious + " serious) in the period: "
                    + "review them as the plan says — " + plan.getActions();
        }
        return new PlanEvaluation(systemId, system.getName(), period, plan, tests, opened, incidentLines, conclusion);
    }

    private static String counted(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The rows of an evaluation, for the PDF (and tests to read as text). */
    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public List<DocRow> evaluationRows(long systemId, Period period) {
        PlanEvaluation e = evaluation(systemId, period);
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("Period and plan"));
        rows.add(DocRow.kv("AI system", e.system()));
        rows.add(DocRow.kv("Period", e.period().describe()));
        rows.add(DocRow.kv("What the plan watches", e.plan().getObjectives()));
        rows.add(DocRow.kv(
                "Review", e.plan().getCadence().label() + ", by " + e.plan().getReviewer()));
        rows.add(DocRow.kv("How the data is evaluated", e.plan().getEvaluation()));
        rows.add(DocRow.h1("Conclusion"));
        rows.add(DocRow.p(e.conclusion()));
        rows.add(DocRow.h1("Telemetry tests and their results"));
        if (e.tests().isEmpty()) {
            rows.add(DocRow.p("The system has no telemetry test: define them on its controls."));
        } else {
            rows.add(DocRow.th(DocRow.Layout.NAME_AND_FIGURES, "Test", "Runs", "Passed / failed / no data", "Latest"));
            for (TestLine t : e.tests()) {
                rows.add(DocRow.tr(
                        t.test(),
                        String.valueOf(t.runs()),
                        t.passed() + " / " + t.failed() + " / " + t.noData(),
                        t.lastFigure()));
            }
        }
        rows.add(DocRow.h1("Findings opened in the period"));
        if (e.findings().isEmpty()) {
            rows.add(DocRow.p("None."));
        } else {
            rows.add(DocRow.th(DocRow.Layout.TEXT_FIRST, "Finding", "Severity", "State", "First seen"));
            for (FindingLine f : e.findings()) {
                rows.add(DocRow.tr(f.title(), f.severity(), f.state(), Dates.minute(f.firstSeen())));
            }
        }
        rows.add(DocRow.h1("Incidents in the period"));
        if (e.incidents().isEmpty()) {
            rows.add(DocRow.p("None."));
        } else {
            rows.add(DocRow.th(DocRow.Layout.TEXT_FIRST, "Incident", "Kind", "Status", "Aware"));
            for (IncidentLine i : e.incidents()) {
                rows.add(DocRow.tr(i.reference() + " · " + i.title(), i.kind(), i.status(), Dates.minute(i.awareAt())));
            }
        }
        return rows;
    }

    @PreAuthorize(IncidentService.READERS)
    @Transactional
    public void evaluationPdf(long systemId, Period period, OutputStream out) {
        Period p = period == null ? defaultPeriod() : period;
        List<DocRow> rows = evaluationRows(systemId, p);
        AiSystem system = systems.get(systemId);
        String title = "Post-market monitoring evaluation (Art. 72)";
        reports.document(
                title,
                system.getName() + " · " + p.describe(),
                title + " · " + system.getName() + " · printed " + Dates.minute(clock.instant()),
                rows,
                out);
        events.publishEvent(new DocumentExported(systemId, "Post-market monitoring evaluation " + p.describe(), "PDF"));
    }

    private static int count(List<RecordedResult> results, Outcome outcome) {
        return (int)
                results.stream().filter(r -> r.result().outcome() == outcome).count();
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }
}
