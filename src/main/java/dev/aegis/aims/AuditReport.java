package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.Check;
import dev.aegis.aims.InternalAuditService.FindingView;
import dev.aegis.aims.InternalAuditService.Named;
import dev.aegis.shared.Dates;
import dev.aegis.shared.reports.Reports;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The internal audit report (ISO/IEC 42001 9.2.2: the results are reported) as a PDF/A through JasperReports. */
@Component
class AuditReport {

    private final Reports reports;
    private final Clock clock;

    AuditReport(Reports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    void write(AuditView a, OutputStream out) {
        List<ReportRow> rows = new ArrayList<>();
        rows.add(ReportRow.h1("Audit"));
        rows.add(ReportRow.kv("Reference", a.reference()));
        rows.add(ReportRow.kv("Status", a.status().label()));
        rows.add(ReportRow.kv(
                "Planned",
                Dates.day(a.plannedFrom())
                        + (a.plannedTo().equals(a.plannedFrom()) ? "" : " to " + Dates.day(a.plannedTo()))));
        rows.add(ReportRow.kv("Auditors", a.auditors().stream().map(Named::name).collect(Collectors.joining(", "))));
        rows.add(ReportRow.kv("Started", a.startedAt() == null ? null : Dates.minute(a.startedAt())));
        rows.add(ReportRow.kv(
                "Completed",
                a.completedAt() == null ? null : Dates.minute(a.completedAt()) + " by " + a.completedBy()));
        rows.add(ReportRow.h1("Scope"));
        rows.add(ReportRow.p(a.scope()));
        rows.add(
                ReportRow.kv("AI systems", a.systems().stream().map(Named::name).collect(Collectors.joining(", "))));
        rows.add(ReportRow.kv(
                "AIMS roles audited",
                a.auditedRoles().stream().map(AimsRole::label).collect(Collectors.joining(", "))));

        rows.add(ReportRow.h1("Summary"));
        Map<CheckResult, Long> results = new EnumMap<>(CheckResult.class);
        a.checklist().forEach(c -> results.merge(c.result(), 1L, Long::sum));
        rows.add(ReportRow.kv("Criteria audited", String.valueOf(a.checklist().size())));
        for (CheckResult r : CheckResult.values()) {
            if (results.containsKey(r)) {
                rows.add(ReportRow.kv(r.criteriaLabel(), String.valueOf(results.get(r))));
            }
        }
        Map<FindingKind, Long> kinds = new EnumMap<>(FindingKind.class);
        a.findings().forEach(f -> kinds.merge(f.kind(), 1L, Long::sum));
        rows.add(ReportRow.kv("Findings", AuditVocabulary.findingsSentence(kinds)));

        rows.add(ReportRow.h1("Conclusion"));
        rows.add(ReportRow.p(a.conclusion() == null ? "The audit has no conclusion yet." : a.conclusion()));

        rows.add(ReportRow.h1("Checklist"));
        if (a.checklist().isEmpty()) {
            rows.add(ReportRow.p("No criteria were chosen."));
        } else {
            rows.add(ReportRow.th("Requirement", "Result", "Notes", "Checked"));
            for (Check c : a.checklist()) {
                rows.add(ReportRow.tr(
                        c.requirement(),
                        c.result().label(),
                        c.notes() == null ? "" : c.notes(),
                        c.checkedAt() == null
                                ? ""
                                : Dates.day(c.checkedAt()
                                                .atZone(java.time.ZoneOffset.UTC)
                                                .toLocalDate())
                                        + (c.checkedBy() == null ? "" : " " + c.checkedBy())));
            }
        }

        rows.add(ReportRow.h1("Findings"));
        if (a.findings().isEmpty()) {
            rows.add(ReportRow.p("The audit raised no findings."));
        }
        int n = 1;
        for (FindingView f : a.findings()) {
            rows.add(ReportRow.h2("Finding " + n++ + ": " + f.kind().label()));
            rows.add(ReportRow.kv("Requirement", f.requirement()));
            rows.add(ReportRow.kv("Finding", f.statement()));
            rows.add(ReportRow.kv("Evidence", f.evidence()));
            rows.add(ReportRow.kv("Raised", Dates.minute(f.raisedAt()) + " by " + f.raisedBy()));
        }

        Map<String, Object> p = new HashMap<>();
        String title = "Internal audit report " + a.reference();
        p.put("documentTitle", title);
        p.put("subtitle", a.title());
        p.put("footer", title + " · printed " + Dates.minute(clock.instant()));
        p.put("pageOffset", 0);
        reports.pdf("aegis-document", rows, p, out);
    }
}
