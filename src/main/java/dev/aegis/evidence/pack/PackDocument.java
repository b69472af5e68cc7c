package dev.aegis.evidence.pack;

import dev.aegis.audit.AuditHistory;
import dev.aegis.control.ControlHistory.ApplicationAt;
import dev.aegis.control.ControlHistory.ControlAt;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService;
import dev.aegis.control.SoaService;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.risk.RiskHistory.RiskAt;
import dev.aegis.shared.reports.DocRow;
import dev.aegis.shared.reports.PackSectionSource;
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
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
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
    record Cover(
            String framework,
            String scope,
            String asOf,
            String generatedBy,
            String generatedAt,
            String manifestSha256,
            String packId,
            String summary,
            List<ExecutiveSummary.CoverFigure> figures) {

        Cover(
                String framework,
                String scope,
                String asOf,
                String generatedBy,
                String generatedAt,
                String manifestSha256,
                String packId,
                String summary) {
            this(framework, scope, asOf, generatedBy, generatedAt, manifestSha256, packId, summary, List.of());
        }
    }

    /**
     * Renders the cover, contents and body as one PDF/A-2b. The contents lists each section with its page and what it
     * holds ({@code descriptions}, by section title).
     */
    void render(
            Cover cover,
            List<DocRow> body,
            Map<String, String> descriptions,
            String footer,
            Path swapDir,
            OutputStream out) {
        JRSwapFileVirtualizer virtualizer =
                new JRSwapFileVirtualizer(50, new JRSwapFile(swapDir.toString(), 4096, 1024), true);
        try {
            Map<String, Object> p = reports.letterhead(new HashMap<>());
            p.put("documentTitle", "Evidence pack — " + cover.framework());
            p.put("subtitle", "Scope: " + cover.scope() + " · as of " + cover.asOf());
            p.put("footer", footer);
            p.put("pageOffset", FRONT_PAGES);
            p.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            JasperPrint main = JasperFillManager.fillReport(
                    reports.template("aegis-document"),
                    p,
                    new JRBeanCollectionDataSource(DocRow.keepHeadsWithFirstRow(body)));
            Map<String, Integer> pages = anchors(main);
            List<DocRow> contents = new ArrayList<>();
            contents.add(DocRow.h1("Contents"));
            for (DocRow r : body) {
                if ("H1".equals(r.kind()) && pages.containsKey(r.anchor())) {
                    contents.add(new DocRow(
                            "TOC",
                            r.c1(),
                            String.valueOf(pages.get(r.anchor()) + FRONT_PAGES),
                            descriptions.getOrDefault(r.c1(), ""),
                            null,
                            r.anchor()));
                }
            }
            Map<String, Object> c = reports.letterhead(new HashMap<>());
            c.put("framework", cover.framework());
            c.put("scope", cover.scope());
            c.put("asOf", cover.asOf());
            c.put("generatedBy", cover.generatedBy());
            c.put("generatedAt", cover.generatedAt());
            c.put("manifestSha256", cover.manifestSha256());
            c.put("packId", cover.packId());
            c.put("summary", cover.summary());
            for (int i = 0; i < 4; i++) {
                var figure = i < cover.figures().size() ? cover.figures().get(i) : null;
                c.put("figure" + (i + 1), figure == null ? null : figure.value());
                c.put("figure" + (i + 1) + "Label", figure == null ? null : figure.label());
            }
            c.put("totalPages", main.getPages().size() + FRONT_PAGES);
            JasperPrint front = JasperFillManager.fillReport(
                    reports.template("evidence-pack-cover"), c, new JRBeanCollectionDataSource(contents));
            reports.export(
                    List.of(front, main), "Evidence pack — " + cover.framework() + " — as of " + cover.asOf(), out);
        } catch (JRException e) {
            throw new IllegalStateException("The evidence pack's PDF could not be rendered", e);
        } finally {
            virtualizer.cleanup();
        }
    }

    /** A plain sectioned document (risk register, system profile): title page band, sections, page x of y. */
    void renderPlain(String title, String subtitle, String footer, List<DocRow> rows, OutputStream out) {
        reports.document(title, subtitle, footer, rows, out);
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

    /** What each section holds, for the contents page. */
    static Map<String, String> descriptions(Snapshot s) {
        ExecutiveSummary.Figures f = ExecutiveSummary.figures(s);
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                ExecutiveSummary.TITLE,
                "Coverage per clause group, open risks by band, open findings, evidence "
                        + "freshness"
                        + (SnapshotReader.ISO_42001.equals(s.framework().code())
                                ? ", the Statement of " + "Applicability in force"
                                : ""));
        out.put(SCOPE, "Framework, AI systems in scope, as-of date and how the registers were rebuilt for it");
        out.put(
                SOA,
                s.soa() == null
                        ? "None issued by the as-of date"
                        : "Version " + s.soa().number() + ", " + s.soa().lines().size()
                                + " Annex A controls, approved by " + s.soa().approvedBy());
        out.put(
                REQUIREMENTS,
                f.requirements() + " requirements: " + f.covered() + " covered, " + f.partial()
                        + " partly covered, " + f.notCovered() + " not covered; " + s.controlCount()
                        + " controls and their "
                        + "evidence");
        out.put(RISKS, s.risks().size() + " risks, " + f.openRisks() + " open");
        out.put(FINDINGS, f.openFindings() == null ? "No findings register" : f.openFindings() + " open");
        out.put(TELEMETRY, s.telemetryTotal() + " telemetry test results of the 90 days up to the as-of date");
        out.put(EVIDENCE, s.evidence().size() + " evidence items with their SHA-256 and period");
        out.put(AUDIT, s.audit().size() + " audit log entries with their chain hashes");
        if (!s.sections().isEmpty()) {
            // "Context and scope, policies, AIMS roles, …": later titles in lower case, abbreviations kept
            List<String> named = s.sections().stream()
                    .map(PackSectionSource.PackSection::title)
                    .toList();
            String titles = named.getFirst()
                    + named.stream()
                            .skip(1)
                            .map(t -> t.length() > 1 && Character.isUpperCase(t.charAt(1))
                                    ? t
                                    : Character.toLowerCase(t.charAt(0)) + t.substring(1))
                            .map(t -> ", " + t)
                            .collect(Collectors.joining());
            out.put(RECORDS, titles + " as of " + s.asOf());
        }
        return out;
    }

    static final String SCOPE = "1 Scope and method";
    static final String SOA = "2 Statement of Applicability";
    static final String REQUIREMENTS = "3 Requirements, controls and evidence";
    static final String RISKS = "4 Risk register excerpt";
    static final String FINDINGS = "5 Open findings";
    static final String TELEMETRY = "6 Telemetry test history";
    static final String EVIDENCE = "7 Evidence index";
    static final String AUDIT = "8 Audit log excerpt";
    /** The sections other modules add (the AI management system's records), each a sub-section. */
    static final String RECORDS = "9 Management system records";

    /** The pack's sections, in order. */
    static List<DocRow> body(Snapshot s, String manifestSha256) {
        List<DocRow> rows = new ArrayList<>();
        Map<Long, String> systemNames = s.systemNames();

        rows.addAll(ExecutiveSummary.rows(s, s.groups()));

        rows.add(DocRow.h1(SCOPE));
        rows.add(DocRow.kv(
                "Framework", s.framework().name() + ", version " + s.framework().version()));
        // the catalog's identifier, as the manifest and the OSCAL files name it
        rows.add(DocRow.kv("Catalog identifier", s.framework().code()));
        rows.add(DocRow.kv("Scope", s.scopeLabel()));
        rows.add(DocRow.kv("As of", s.asOf() + " (the registers as they stood at the end of that day, UTC)"));
        rows.add(DocRow.kv("Requirements", String.valueOf(s.requirements().size())));
        rows.add(DocRow.kv("Controls", String.valueOf(s.controlCount())));
        rows.add(DocRow.kv("Evidence items", String.valueOf(s.evidence().size())));
        rows.add(DocRow.kvMono("manifest.json SHA-256", manifestSha256));
        rows.add(DocRow.p("Risks, controls, their application to AI systems and the AI systems themselves are shown "
                + "as they stood on the as-of date: Aegis takes today's records and undoes, newest first, every "
                + "change its audit log recorded after that date; records created later are left out, records "
                + "deleted later are shown again. Control-to-requirement mappings, crosswalks and the AI systems' "
                + "scopes are today's. Each requirement's coverage is computed exactly as the Coverage screen and the "
                + "coverage API compute it, from the controls as they stood; coverage that comes through a crosswalk "
                + "names the crosswalk. The Statement of Applicability is the issued version in force on that date "
                + "(issued versions never change)."));

        rows.add(DocRow.h1(SOA));
        if (!s.framework().code().equals(SnapshotReader.ISO_42001)) {
            rows.add(DocRow.p("A Statement of Applicability belongs to ISO/IEC 42001; this pack is for "
                    + s.framework().name() + "."));
        } else if (s.soa() == null) {
            rows.add(DocRow.p("No Statement of Applicability had been issued by " + s.asOf() + "."));
        } else {
            SoaService.Issued soa = s.soa();
            rows.add(DocRow.p("Version " + soa.number() + ", issued " + PackWords.time(soa.issuedAt())
                    + " and approved by " + soa.approvedBy() + (soa.note() == null ? "" : " (" + soa.note() + ")")
                    + "."));
            rows.add(DocRow.th("Annex A control", "Title", "Applicable · justification", "Implementation"));
            for (SoaService.Line l : soa.lines()) {
                rows.add(DocRow.tr(
                        l.refId(),
                        l.title(),
                        (l.applicable() == null ? "Undecided" : l.applicable() ? "Yes" : "No")
                                + (l.justification() == null ? "" : " — " + l.justification()),
                        coverageWords(l.implementation())));
            }
        }

        rows.add(DocRow.h1(REQUIREMENTS));
        rows.add(DocRow.p("Each requirement in scope with its coverage, the controls in scope that implement it "
                + "(reference and title, status, latest test, status per AI system) and their evidence."));
        for (RequirementSummary r : s.requirements()) {
            rows.add(DocRow.h2(r.refId() + " · " + r.title()));
            CoverageService.RequirementCoverage coverage = s.coverageOf(r.id());
            rows.add(DocRow.kv("Coverage", coverageSentence(coverage)));
            List<ControlAt> controls = s.controlsByRequirement().getOrDefault(r.id(), List.of());
            for (ControlAt c : controls) {
                rows.add(DocRow.kv(s.reference(c.id()), c.title()));
                rows.add(DocRow.kv(
                        "Status and test",
                        label(c.status())
                                + (c.lastTestResult() == null
                                        ? ", not tested"
                                        : ", last test "
                                                + label(c.lastTestResult()).toLowerCase(java.util.Locale.ROOT) + " on "
                                                + c.lastTestedOn())));
                List<ApplicationAt> apps = s.applicationsByControl().getOrDefault(c.id(), List.of());
                rows.add(DocRow.kv(
                        "Per AI system",
                        apps.isEmpty()
                                ? "Not applied to an AI system in scope"
                                : apps.stream()
                                        .map(a -> systemNames.getOrDefault(a.systemId(), "an AI system out of scope")
                                                + ": " + label(a.status()).toLowerCase(java.util.Locale.ROOT))
                                        .sorted()
                                        .collect(Collectors.joining("; "))));
                List<PackEvidence.Item> evidence = s.evidenceByControl().getOrDefault(c.id(), List.of());
                if (!evidence.isEmpty()) {
                    rows.add(DocRow.th("Evidence", "Title", "Period", "SHA-256"));
                    evidence.forEach(e -> rows.add(DocRow.trMono(
                            "E-" + e.id() + " version " + e.version(),
                            e.title(),
                            period(e),
                            e.sha256() == null ? "no file" : PackWords.hash(e.sha256()))));
                }
            }
        }

        rows.add(DocRow.h1(RISKS));
        if (s.risks().isEmpty()) {
            rows.add(DocRow.p("No risk of the AI systems in scope was recorded on " + s.asOf() + "."));
        } else {
            rows.add(DocRow.th("Risk", "Title", "Category · status · treatment", "Scores · owner"));
            for (RiskAt r : s.risks()) {
                rows.add(DocRow.tr(
                        "R-" + r.id(),
                        r.title(),
                        label(r.category()) + " · " + label(r.status()).toLowerCase(java.util.Locale.ROOT)
                                + (r.treatment() == null
                                        ? ""
                                        : " · treatment: "
                                                + label(r.treatment()).toLowerCase(java.util.Locale.ROOT)),
                        riskScores(r)));
            }
        }

        rows.add(DocRow.h1(FINDINGS));
        if (s.findings() == null) {
            rows.add(DocRow.p("No findings module in this build: open findings are not part of this pack yet."));
        } else if (s.findings().isEmpty()) {
            rows.add(DocRow.p("No finding was open on " + s.asOf() + "."));
        } else {
            rows.add(DocRow.th("Finding", "Title", "Severity", "Status"));
            s.findings()
                    .forEach(
                            f -> rows.add(DocRow.tr(f.reference(), f.title(), label(f.severity()), label(f.status()))));
        }

        rows.add(DocRow.h1(TELEMETRY));
        if (s.telemetry().isEmpty()) {
            rows.add(DocRow.p("No telemetry test result was recorded for the AI systems in scope from "
                    + PackWords.time(s.auditFrom()) + " to " + PackWords.time(s.at()) + "."));
        } else {
            Map<Long, String> controlTitles = new HashMap<>();
            s.controlsByRequirement().values().forEach(cs -> cs.forEach(c -> controlTitles.put(c.id(), c.title())));
            rows.add(
                    DocRow.p("Every result the telemetry tests on controls applied to the AI systems in scope recorded "
                            + "from " + PackWords.time(s.auditFrom()) + " to " + PackWords.time(s.at())
                            + ", by system, "
                            + "control, test and window; a test is described as it stands today"
                            + (s.telemetryTotal() > s.telemetry().size()
                                    ? ". The first " + s.telemetry().size() + " of "
                                            + s.telemetryTotal() + " results only: "
                                            + (s.telemetryTotal()
                                                    - s.telemetry().size())
                                            + " are left out (all are in Aegis)"
                                    : "")
                            + "."));
            rows.add(DocRow.th(
                    "AI system · control",
                    "Test · source deployment",
                    "Outcome · figure · reference",
                    "Window · recorded"));
            for (TelemetryService.RecordedResult t : s.telemetry()) {
                TelemetryService.Result r = t.result();
                String reference = PackWords.reference(r.reference());
                rows.add(DocRow.tr(
                        systemNames.getOrDefault(t.systemId(), "an AI system out of scope") + " · "
                                + s.reference(t.controlId())
                                + (controlTitles.containsKey(t.controlId())
                                        ? " " + controlTitles.get(t.controlId())
                                        : ""),
                        t.test() + "\nsource " + r.source() + "\ndeployment " + r.deployment(),
                        label(r.outcome().name())
                                // no data means no figure: "0.000" would read as a measurement
                                + (r.outcome().name().equals("NO_DATA") ? "" : " · " + t.figureText())
                                + (r.subject() == null ? "" : " (" + r.subject() + ")")
                                + (r.sampleSize() > 0 ? ", n = " + r.sampleSize() : "")
                                + (reference == null ? "" : " · " + reference)
                                + (r.note() == null ? "" : " · " + r.note()),
                        PackWords.window(r.windowStart(), r.windowEnd()) + " · recorded "
                                + PackWords.time(r.recordedAt())));
            }
        }

        rows.add(DocRow.h1(EVIDENCE));
        if (s.evidence().isEmpty()) {
            rows.add(DocRow.p(
                    "No evidence item was linked to the controls or AI systems in scope on " + s.asOf() + "."));
        } else {
            rows.add(DocRow.th("Evidence · period", "Title", "File in the pack", "SHA-256"));
            for (PackEvidence.Item e : s.evidence()) {
                rows.add(DocRow.trMono(
                        "E-" + e.id() + " version " + e.version() + " · " + period(e),
                        e.title(),
                        e.hasFile() ? e.path() : e.url() != null ? e.url() : "no file (a record)",
                        e.sha256() == null ? "–" : PackWords.hash(e.sha256())));
            }
        }

        rows.add(DocRow.h1(AUDIT));
        rows.add(DocRow.p("Entries from " + PackWords.time(s.auditFrom()) + " to " + PackWords.time(s.at())
                + " about the AI systems, controls, control applications and risks in scope, the Statement of "
                + "Applicability and evidence"
                + (s.audit().size() >= SnapshotReader.AUDIT_LIMIT
                        ? " (the first " + SnapshotReader.AUDIT_LIMIT + " only; the full log is in Aegis)"
                        : "")
                + ". Each entry's "
                + "hash chains it to the one before it (see the audit log's verification in Aegis)."));
        if (!s.audit().isEmpty()) {
            rows.add(DocRow.th("Entry · when", "Who · what", "Object", "Entry hash"));
            for (AuditHistory.Line a : s.audit()) {
                rows.add(DocRow.trMono(
                        "#" + a.id() + " · " + PackWords.time(a.occurredAt()),
                        a.actor() + " · " + label(a.action()).toLowerCase(java.util.Locale.ROOT),
                        a.objectLabel() != null && !"AiSystem".equals(a.objectType())
                                ? objectWords(a.objectType()) + " " + a.objectLabel()
                                : objectName(s, systemNames, a.objectType(), a.objectId()),
                        PackWords.hash(a.hash())));
            }
        }

        if (!s.sections().isEmpty()) {
            rows.add(DocRow.h1(RECORDS));
            rows.add(DocRow.p("The records of the management system as they stood on " + s.asOf()
                    + " (the end of that day, UTC): records made later are left out, and each versioned record is "
                    + "shown in the version in force then."));
            // not numbered 9.1, 9.2 …: in an ISO/IEC 42001 pack those read as the standard's clauses
            for (PackSectionSource.PackSection section : s.sections()) {
                rows.add(DocRow.h2(section.title()));
                rows.add(DocRow.p(section.intro()));
                rows.addAll(section.rows());
            }
        }
        return rows;
    }

    /** "Partly covered through NIST AI RMF → ISO/IEC 42001 from NIST-AI-RMF GOVERN 1.1 (weakest link: related)". */
    static String coverageSentence(CoverageService.RequirementCoverage c) {
        if (c == null) {
            return "Not in the scope of the AI systems chosen";
        }
        String level = coverageWords(c.level());
        if (c.throughCrosswalk()) {
            return level + " " + viaWords(c.via())
                    + (c.controls() == 0
                            ? "; no control in scope maps to it directly"
                            : "; directly: " + coverageWords(c.direct()).toLowerCase(java.util.Locale.ROOT) + " by "
                                    + c.controls() + " control" + (c.controls() == 1 ? "" : "s"));
        }
        if (!c.records().isEmpty()) {
            return level + ": " + c.recordsSentence().substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                    + c.recordsSentence().substring(1)
                    + (c.controls() == 0 ? "" : " and " + c.controls() + " control" + (c.controls() == 1 ? "" : "s"));
        }
        if (c.level() == CoverageLevel.NOT_COVERED) {
            return "Not covered: no control in scope meets this requirement, directly or through a crosswalk (a gap)";
        }
        return level + " by " + c.controls() + " control" + (c.controls() == 1 ? "" : "s") + " in scope";
    }

    /**
     * "through NIST AI RMF → ISO/IEC 42001, from GOVERN 1.1 (weakest link: related)": the crosswalk's name already names
     * the framework the coverage came from, so the requirement is named by its reference, never by a catalog code.
     */
    static String viaWords(CoverageService.Via via) {
        return "through " + String.join(" and ", via.crosswalkNames()) + ", from "
                + via.from().refId() + " (weakest link: " + via.weakest().name().toLowerCase(java.util.Locale.ROOT)
                + ")";
    }

    static String coverageWords(CoverageLevel level) {
        if (level == null) {
            return "–";
        }
        return switch (level) {
            case COVERED -> "Covered";
            case PARTIAL -> "Partly covered";
            case NOT_COVERED -> "Not covered";
        };
    }

    /** "Inherent 16 (critical) → residual 6 (medium) · owner ana" or, not yet assessed, "Inherent 4 (medium)…". */
    static String riskScores(RiskAt r) {
        String inherent = PackWords.score(r.inherentScore());
        String residual = PackWords.score(r.residualScore());
        return "Inherent " + (inherent == null ? "not scored" : inherent)
                + (residual == null ? ", residual not assessed" : " → residual " + residual) + " · owner "
                + (r.owner() == null ? "none" : r.owner()) + (r.dueDate() == null ? "" : " · due " + r.dueDate());
    }

    /**
     * What an audit entry is about, by the name people know it by: "AI system Clinic diagnosis assistant", "control
     * SC-44", "risk R-3 Training data poisoning…", "evidence E-2"; other objects by kind only (never an internal id).
     */
    static String objectName(Snapshot s, Map<Long, String> systemNames, String type, String id) {
        String kind = objectWords(type);
        Long key = id == null || !id.matches("\\d{1,18}") ? null : Long.valueOf(id);
        if (key == null) {
            return kind;
        }
        return switch (type) {
            case "AiSystem" -> kind + " " + systemNames.getOrDefault(key, "out of scope");
            case "Control" -> kind + " " + s.reference(key);
            case "Risk" ->
                kind + " R-" + key
                        + s.risks().stream()
                                .filter(r -> r.id() == key)
                                .findFirst()
                                .map(r -> " " + r.title())
                                .orElse("");
            case "EvidenceItem", "Evidence" -> kind + " E-" + key;
            default -> kind;
        };
    }

    /** "ControlApplication" → "control application", "AiSystem" → "AI system". */
    static String objectWords(String type) {
        if (type == null) {
            return "";
        }
        if (type.equals("AiSystem")) {
            return "AI system";
        }
        if (type.equals("SoaEntry")) {
            return "SoA entry";
        }
        return type.replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(java.util.Locale.ROOT)
                .replace("soa", "SoA");
    }

    static String period(PackEvidence.Item e) {
        return (e.effectiveFrom() == null ? "…" : e.effectiveFrom().toString()) + " – "
                + (e.effectiveTo() == null ? "…" : e.effectiveTo().toString());
    }

    private static final java.util.regex.Pattern ACRONYMS =
            java.util.regex.Pattern.compile("\\b(llm|ml|ai|api|phi|pii|eu|gdpr|ip|id)\\b");

    /** "IN_PROGRESS" → "In progress". */
    static String label(String constant) {
        if (constant == null) {
            return "–";
        }
        String s = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        // abbreviations stay abbreviations: "GENERATIVE_LLM" → "Generative LLM", "PHI" → "PHI", not "Phi"
        s = ACRONYMS.matcher(s).replaceAll(m -> m.group().toUpperCase(java.util.Locale.ROOT));
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static <T> Map<Long, T> byId(List<T> list, Function<T, Long> id) {
        Map<Long, T> out = new LinkedHashMap<>();
        list.forEach(t -> out.put(id.apply(t), t));
        return out;
    }
}
