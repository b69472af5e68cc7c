package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.InternalAuditService.AuditView;
import dev.aegis.aims.InternalAuditService.Check;
import dev.aegis.aims.InternalAuditService.FindingView;
import dev.aegis.aims.InternalAuditService.Named;
import dev.aegis.shared.Dates;
import dev.aegis.shared.reports.DocRow;
import dev.aegis.shared.reports.Reports;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
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
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("Audit"));
        rows.add(kv("Reference", a.reference()));
        rows.add(kv("Status", a.status().label()));
        rows.add(kv(
                "Planned",
                Dates.day(a.plannedFrom())
                        + (a.plannedTo().equals(a.plannedFrom()) ? "" : " to " + Dates.day(a.plannedTo()))));
        rows.add(kv("Auditors", a.auditors().stream().map(Named::name).collect(Collectors.joining(", "))));
        rows.add(kv("Started", a.startedAt() == null ? null : Dates.minute(a.startedAt())));
        rows.add(kv(
                "Completed",
                a.completedAt() == null ? null : Dates.minute(a.completedAt()) + " by " + a.completedBy()));
        rows.add(DocRow.h1("Scope"));
        rows.add(DocRow.p(a.scope()));
        rows.add(kv("AI systems", a.systems().stream().map(Named::name).collect(Collectors.joining(", "))));
        rows.add(kv(
                "AIMS roles audited",
                a.auditedRoles().stream().map(AimsRole::label).collect(Collectors.joining(", "))));

        rows.add(DocRow.h1("Summary"));
        Map<CheckResult, Long> results = new EnumMap<>(CheckResult.class);
        a.checklist().forEach(c -> results.merge(c.result(), 1L, Long::sum));
        rows.add(kv("Criteria audited", String.valueOf(a.checklist().size())));
        rows.add(kv("Results", AuditVocabulary.resultsSentence(results)));
        Map<FindingKind, Long> kinds = new EnumMap<>(FindingKind.class);
        a.findings().forEach(f -> kinds.merge(f.kind(), 1L, Long::sum));
        rows.add(kv("Findings", AuditVocabulary.findingsSentence(kinds)));

        rows.add(DocRow.h1("Conclusion"));
        rows.add(DocRow.p(a.conclusion() == null ? "The audit has no conclusion yet." : a.conclusion()));

        rows.add(DocRow.h1("Checklist"));
        if (a.checklist().isEmpty()) {
            rows.add(DocRow.p("No criteria were chosen."));
        } else {
            rows.add(DocRow.th(DocRow.Layout.TEXT_FIRST, "Requirement", "Result", "Notes", "Checked"));
            for (Check c : a.checklist()) {
                rows.add(DocRow.tr(
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

        rows.add(DocRow.h1("Findings"));
        if (a.findings().isEmpty()) {
            rows.add(DocRow.p("The audit raised no findings."));
        }
        int n = 1;
        for (FindingView f : a.findings()) {
            rows.add(DocRow.h2("Finding " + n++ + ": " + f.kind().label()));
            rows.add(kv("Requirement", f.requirement()));
            rows.add(kv("Finding", f.statement()));
            rows.add(kv("Evidence", f.evidence()));
            rows.add(kv("Raised", Dates.minute(f.raisedAt()) + " by " + f.raisedBy()));
        }

        String title = "Internal audit report " + a.reference();
        reports.document(title, a.title(), title + " · printed " + Dates.minute(clock.instant()), rows, out);
    }

    /** A label and value; an empty value reads as a dash. */
    private static DocRow kv(String label, String value) {
        return DocRow.kv(label, value == null || value.isBlank() ? "—" : value);
    }
}
