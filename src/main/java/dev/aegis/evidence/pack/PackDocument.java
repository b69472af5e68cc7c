package dev.aegis.evidence.pack;

import dev.aegis.control.SoaService;
import dev.aegis.evidence.pack.RegisterHistory.ApplicationAt;
import dev.aegis.evidence.pack.RegisterHistory.ControlAt;
import dev.aegis.evidence.pack.RegisterHistory.RiskAt;
import dev.aegis.evidence.pack.RegisterHistory.SystemAt;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.shared.reports.Reports;
import dev.aegis.telemetry.TelemetryService;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPrintAnchor;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import org.springframework.stereotype.Component;

/**
 * The pack's PDF: a cover (framework, scope, as-of date, who and when, the SHA-256 of manifest.json), a contents page
 * with page numbers, then the sections. The body is filled first, with a swap-file virtualizer so a pack of thousands
 * of controls and evidence items keeps only a few pages in memory; the contents page takes its page numbers from the
 * section anchors of the filled body.
 */
@Component
class PackDocument {

    /** Cover and contents: the body's page numbers start after them. */
    static final int FRONT_PAGES = 2;
    private final Reports reports;

    PackDocument(Reports reports) {
        this.reports = reports;
    }

    /** The cover's facts. */
    record Cover(String framework, String scope, String asOf, String generatedBy, String generatedAt,
            String manifestSha256, String packId) {
    }

    /** Renders the cover, contents and body as one PDF. */
    void render(Cover cover, List<DocRow> body, String footer, Path swapDir, OutputStream out) {
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(50,
                new JRSwapFile(swapDir.toString(), 4096, 1024), true);
        try {
            Map<String, Object> p = new HashMap<>();
            p.put("documentTitle", "Evidence pack — " + cover.framework());
            p.put("subtitle", "Scope: " + cover.scope() + " · as of " + cover.asOf());
            p.put("footer", footer);
            p.put("pageOffset", FRONT_PAGES);
            p.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            JasperPrint main = JasperFillManager.fillReport(reports.template("aegis-document"), p,
                    new JRBeanCollectionDataSource(body));
            Map<String, Integer> pages = anchors(main);
            List<DocRow> contents = new ArrayList<>();
            contents.add(DocRow.h1("Contents"));
            for (DocRow r : body) {
                if ("H1".equals(r.kind()) && pages.containsKey(r.anchor())) {
                    contents.add(new DocRow("TOC", r.c1(), String.valueOf(pages.get(r.anchor()) + FRONT_PAGES),
                            null, null, null));
                }
            }
            Map<String, Object> c = new HashMap<>();
            c.put("framework", cover.framework());
            c.put("scope", cover.scope());
            c.put("asOf", cover.asOf());
            c.put("generatedBy", cover.generatedBy());
            c.put("generatedAt", cover.generatedAt());
            c.put("manifestSha256", cover.manifestSha256());
            c.put("packId", cover.packId());
            JasperPrint front = JasperFillManager.fillReport(reports.template("evidence-pack-cover"), c,
                    new JRBeanCollectionDataSource(contents));
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(SimpleExporterInput.getInstance(List.of(front, main)));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.exportReport();
        } catch (JRException e) {
            throw new IllegalStateException("The evidence pack's PDF could not be rendered", e);
        } finally {
            virtualizer.cleanup();
        }
    }

    /** A plain sectioned document (risk register, system profile): title page band, sections, page numbers. */
    void renderPlain(String title, String subtitle, String footer, List<DocRow> rows, OutputStream out) {
        Map<String, Object> p = new HashMap<>();
        p.put("documentTitle", title);
        p.put("subtitle", subtitle);
        p.put("footer", footer);
        p.put("pageOffset", 0);
        reports.pdf("aegis-document", rows, p, out);
    }

    /** Page (1-based, within this print) of each anchor. */
    private static Map<String, Integer> anchors(JasperPrint print) {
        Map<String, Integer> out = new HashMap<>();
        List<JRPrintPage> pages = print.getPages();
        for (int i = 0; i < pages.size(); i++) {
            collect(pages.get(i).getElements(), i + 1, out);
        }
        return out;
    }

    private static void collect(List<JRPrintElement> elements, int page, Map<String, Integer> out) {
        for (JRPrintElement e : elements) {
            if (e instanceof JRPrintAnchor a && a.getAnchorName() != null) {
                out.putIfAbsent(a.getAnchorName(), page);
            }
            if (e instanceof JRPrintFrame f) {
                collect(f.getElements(), page, out);
            }
        }
    }

    /** The pack's sections, in order. */
    static List<DocRow> body(Snapshot s, String manifestSha256) {
        List<DocRow> rows = new ArrayList<>();
        Map<Long, String> systemNames = s.systems().stream().collect(Collectors.toMap(SystemAt::id, SystemAt::name));

        rows.add(DocRow.h1("1 Scope and method"));
        rows.add(DocRow.kv("Framework", s.framework().name() + " (" + s.framework().code() + ", version "
                + s.framework().version() + ")"));
        rows.add(DocRow.kv("Scope", s.scopeLabel()));
        rows.add(DocRow.kv("As of", s.asOf() + " (the registers as they stood at the end of that day, UTC)"));
        rows.add(DocRow.kv("Requirements", String.valueOf(s.requirements().size())));
        rows.add(DocRow.kv("Controls", String.valueOf(s.controlCount())));
        rows.add(DocRow.kv("Evidence items", String.valueOf(s.evidence().size())));
        rows.add(DocRow.kv("manifest.json SHA-256", manifestSha256));
        rows.add(DocRow.p("Risks, controls, their application to AI systems and the AI systems themselves are shown "
                + "as they stood on the as-of date: Aegis takes today's records and undoes, newest first, every "
                + "change its audit log recorded after that date; records created later are left out, records "
                + "deleted later are shown again. Control-to-requirement mappings are today's. The Statement of "
                + "Applicability is the issued version in force on that date (issued versions never change)."));

        rows.add(DocRow.h1("2 Statement of Applicability"));
        if (!s.framework().code().equals(SnapshotReader.ISO_42001)) {
            rows.add(DocRow.p("A Statement of Applicability belongs to ISO/IEC 42001; this pack is for "
                    + s.framework().name() + "."));
        } else if (s.soa() == null) {
            rows.add(DocRow.p("No Statement of Applicability had been issued by " + s.asOf() + "."));
        } else {
            SoaService.Issued soa = s.soa();
            rows.add(DocRow.p("Version " + soa.number() + ", issued " + soa.issuedAt() + " and approved by "
                    + soa.approvedBy() + (soa.note() == null ? "" : " (" + soa.note() + ")") + "."));
            rows.add(DocRow.th("Annex A control", "Title", "Applicable / justification", "Implementation"));
            for (SoaService.Line l : soa.lines()) {
                rows.add(DocRow.tr(l.refId(), l.title(), (l.applicable() == null ? "Undecided"
                        : l.applicable() ? "Yes" : "No") + (l.justification() == null ? "" : " — " + l.justification()),
                        label(l.implementation() == null ? null : l.implementation().name())));
            }
        }

        rows.add(DocRow.h1("3 Requirements, controls and evidence"));
        for (RequirementSummary r : s.requirements()) {
            rows.add(DocRow.h2(r.refId() + " · " + r.title()));
            List<ControlAt> controls = s.controlsByRequirement().getOrDefault(r.id(), List.of());
            if (controls.isEmpty()) {
                rows.add(DocRow.p("No control in scope implements this requirement (a gap)."));
                continue;
            }
            for (ControlAt c : controls) {
                rows.add(DocRow.kv("Control #" + c.id(), c.title()));
                rows.add(DocRow.kv("Status and test", label(c.status()) + (c.lastTestResult() == null ? ", not tested"
                        : ", last test " + label(c.lastTestResult()) + " on " + c.lastTestedOn())));
                List<ApplicationAt> apps = s.applicationsByControl().getOrDefault(c.id(), List.of());
                rows.add(DocRow.kv("Per AI system", apps.isEmpty() ? "Not applied to a system in scope"
                        : apps.stream().map(a -> systemNames.getOrDefault(a.systemId(), "#" + a.systemId()) + ": "
                                + label(a.status())).sorted().collect(Collectors.joining("; "))));
                for (PackEvidence.Item e : s.evidenceByControl().getOrDefault(c.id(), List.of())) {
                    rows.add(DocRow.kv("Evidence #" + e.id() + " v" + e.version(), evidenceLine(e)));
                }
            }
        }

        rows.add(DocRow.h1("4 Risk register excerpt"));
        if (s.risks().isEmpty()) {
            rows.add(DocRow.p("No risk of the AI systems in scope was recorded on " + s.asOf() + "."));
        } else {
            rows.add(DocRow.th("Risk", "Title", "Category · status", "Score (inherent → residual) · owner"));
            for (RiskAt r : s.risks()) {
                rows.add(DocRow.tr("R-" + r.id(), r.title(), label(r.category()) + " · " + label(r.status()),
                        r.inherentScore() + " → " + (r.residualScore() == null ? "–" : r.residualScore()) + " · "
                                + r.owner()));
            }
        }

        rows.add(DocRow.h1("5 Open findings"));
        if (s.findings() == null) {
            rows.add(DocRow.p("No findings module in this build: open findings are not part of this pack yet."));
        } else if (s.findings().isEmpty()) {
            rows.add(DocRow.p("No finding was open on " + s.asOf() + "."));
        } else {
            rows.add(DocRow.th("Finding", "Title", "Severity", "Status"));
            s.findings().forEach(f -> rows.add(DocRow.tr(f.reference(), f.title(), f.severity(), f.status())));
        }

        rows.add(DocRow.h1("6 Telemetry test history"));
        if (s.telemetry().isEmpty()) {
            rows.add(DocRow.p("No telemetry test result was recorded for the AI systems in scope from "
                    + s.auditFrom() + " to " + s.at() + "."));
        } else {
            Map<Long, String> controlTitles = new HashMap<>();
            s.controlsByRequirement().values().forEach(cs -> cs.forEach(c -> controlTitles.put(c.id(), c.title())));
            rows.add(DocRow.p("Every result the telemetry tests on controls applied to the AI systems in scope recorded "
                    + "from " + s.auditFrom() + " to " + s.at() + ", by system, control, test and window; a test is "
                    + "described as it stands today" + (s.telemetryTotal() > s.telemetry().size() ? ". The first "
                    + s.telemetry().size() + " of " + s.telemetryTotal() + " results only: "
                    + (s.telemetryTotal() - s.telemetry().size()) + " are left out (all are in Aegis)" : "") + "."));
            rows.add(DocRow.th("AI system · control", "Test · source deployment", "Outcome · figure · reference",
                    "Window (UTC) · recorded at"));
            for (TelemetryService.RecordedResult t : s.telemetry()) {
                TelemetryService.Result r = t.result();
                rows.add(DocRow.tr(systemNames.getOrDefault(t.systemId(), "#" + t.systemId()) + " · Control #"
                        + t.controlId() + (controlTitles.containsKey(t.controlId()) ? " " + controlTitles.get(
                                t.controlId()) : ""),
                        t.test() + " · " + r.source() + " " + r.deployment(),
                        label(r.outcome().name()) + " · " + t.figureText() + (r.subject() == null ? ""
                                : " (" + r.subject() + ")") + (r.sampleSize() > 0 ? ", n = " + r.sampleSize() : "")
                                + (r.reference() == null ? "" : " · " + r.reference())
                                + (r.note() == null ? "" : " · " + r.note()),
                        r.windowStart() + " – " + r.windowEnd() + " · recorded " + r.recordedAt()));
            }
        }

        rows.add(DocRow.h1("7 Evidence index"));
        if (s.evidence().isEmpty()) {
            rows.add(DocRow.p("No evidence item was linked to the controls or AI systems in scope on " + s.asOf()
                    + "."));
        } else {
            rows.add(DocRow.th("Evidence", "Title · file in the pack", "SHA-256", "Period"));
            for (PackEvidence.Item e : s.evidence()) {
                rows.add(DocRow.tr("#" + e.id() + " v" + e.version(), e.title() + (e.hasFile() ? " · " + e.path()
                        : e.url() != null ? " · " + e.url() : ""), e.sha256() == null ? "–" : e.sha256(),
                        period(e)));
            }
        }

        rows.add(DocRow.h1("8 Audit log excerpt"));
        rows.add(DocRow.p("Entries from " + s.auditFrom() + " to " + s.at() + " about the AI systems, controls, "
                + "control applications and risks in scope, the Statement of Applicability and evidence"
                + (s.audit().size() >= SnapshotReader.AUDIT_LIMIT ? " (the first " + SnapshotReader.AUDIT_LIMIT
                        + " only; the full log is in Aegis)" : "") + "."));
        if (!s.audit().isEmpty()) {
            rows.add(DocRow.th("# · when (UTC)", "Actor · action", "Object", "Entry hash"));
            for (Snapshot.AuditLine a : s.audit()) {
                rows.add(DocRow.tr("#" + a.id() + " · " + a.occurredAt(), a.actor() + " · " + a.action(),
                        a.objectType() + (a.objectId() == null ? "" : " " + a.objectId()), a.hash()));
            }
        }
        return rows;
    }

    static String evidenceLine(PackEvidence.Item e) {
        return e.title() + " · SHA-256 " + (e.sha256() == null ? "– (no file)" : e.sha256()) + " · " + period(e);
    }

    static String period(PackEvidence.Item e) {
        return (e.effectiveFrom() == null ? "…" : e.effectiveFrom().toString()) + " – "
                + (e.effectiveTo() == null ? "…" : e.effectiveTo().toString());
    }

    /** "IN_PROGRESS" → "In progress". */
    static String label(String constant) {
        if (constant == null) {
            return "–";
        }
        String s = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        Map<Long, T> out = new LinkedHashMap<>();
        list.forEach(t -> out.put(id.apply(t), t));
        return out;
    }
}
