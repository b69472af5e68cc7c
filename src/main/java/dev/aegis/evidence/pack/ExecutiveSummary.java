package dev.aegis.evidence.pack;

import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.CoverageService.RequirementCoverage;
import dev.aegis.control.SoaService;
import dev.aegis.risk.RiskHistory.RiskAt;
import dev.aegis.risk.RiskVocabulary;
import dev.aegis.shared.reports.DocRow;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pack's executive summary, the page a reader sees first after the contents: coverage per clause group (a chart
 * and its figures), open risks by band, open findings, evidence freshness, and the Statement of Applicability in force
 * with its approver. Its one-line form goes on the cover.
 */
final class ExecutiveSummary {

    static final String TITLE = "Summary";
    /** Evidence whose expiry falls within this many days of the as-of date counts as "expiring soon". */
    static final int EXPIRING_DAYS = 30;

    private static final String[] BANDS = {"Critical", "High", "Medium", "Low"};

    private ExecutiveSummary() {}

    /** The figures behind the summary. */
    record Figures(
            long requirements,
            long covered,
            long partial,
            long partialThroughCrosswalk,
            long notCovered,
            int percent,
            Map<String, long[]> risksByBand,
            long openRisks,
            long acceptedRisks,
            Long openFindings,
            long evidence,
            long current,
            long expiringSoon,
            long expired,
            long unreviewed) {}

    static Figures figures(Snapshot s) {
        List<RequirementCoverage> coverage = s.coverage().requirements();
        long covered = coverage.stream()
                .filter(c -> c.level() == CoverageLevel.COVERED)
                .count();
        long partial = coverage.stream()
                .filter(c -> c.level() == CoverageLevel.PARTIAL)
                .count();
        long viaCrosswalk = coverage.stream()
                .filter(c -> c.level() == CoverageLevel.PARTIAL && c.throughCrosswalk())
                .count();
        Map<String, long[]> bands = new LinkedHashMap<>();
        for (String b : BANDS) {
            bands.put(b, new long[2]);
        }
        long open = 0;
        long accepted = 0;
        for (RiskAt r : s.risks()) {
            if ("CLOSED".equals(r.status())) {
                continue;
            }
            open++;
            String score = r.residualScore() != null ? r.residualScore() : r.inherentScore();
            long[] counts = bands.get(RiskVocabulary.band(parse(score)));
            counts[0]++;
            if ("ACCEPTED".equals(r.status())) {
                counts[1]++;
                accepted++;
            }
        }
        LocalDate asOf = s.asOf();
        long expired = 0;
        long soon = 0;
        long unreviewed = 0;
        for (PackEvidence.Item e : s.evidence()) {
            if (e.expiresOn() != null && !e.expiresOn().isAfter(asOf)
                    || e.effectiveTo() != null && e.effectiveTo().isBefore(asOf)) {
                expired++;
            } else if (e.expiresOn() != null && !e.expiresOn().isAfter(asOf.plusDays(EXPIRING_DAYS))) {
                soon++;
            }
            if (e.reviewedBy() == null) {
                unreviewed++;
            }
        }
        return new Figures(
                coverage.size(),
                covered,
                partial,
                viaCrosswalk,
                coverage.size() - covered - partial,
                s.coverage().percent(),
                bands,
                open,
                accepted,
                s.findings() == null ? null : (long) s.findings().size(),
                s.evidence().size(),
                s.evidence().size() - expired - soon,
                soon,
                expired,
                unreviewed);
    }

    /** The cover's "in short" paragraph. */
    static String inShort(Snapshot s) {
        Figures f = figures(s);
        StringBuilder out = new StringBuilder();
        out.append(f.requirements())
                .append(" requirements in scope: ")
                .append(f.covered())
                .append(" covered, ")
                .append(f.partial())
                .append(" partly covered")
                .append(
                        f.partialThroughCrosswalk() > 0
                                ? " (" + f.partialThroughCrosswalk() + " through a crosswalk)"
                                : "")
                .append(", ")
                .append(f.notCovered())
                .append(" not covered (")
                .append(f.percent())
                .append(" % coverage). ");
        long critical = f.risksByBand().get("Critical")[0];
        out.append(f.openRisks())
                .append(f.openRisks() == 1 ? " open risk" : " open risks")
                .append(critical > 0 ? ", " + critical + " of them critical" : "")
                .append("; ");
        out.append(
                        f.openFindings() == null
                                ? "no findings register"
                                : f.openFindings() + (f.openFindings() == 1 ? " open finding" : " open findings"))
                .append("; ");
        out.append(f.evidence()).append(" evidence items, ").append(f.expired()).append(" expired. ");
        out.append(soaSentence(s));
        return out.toString();
    }

    /** A key figure on the cover: a large value and what it counts. */
    record CoverFigure(String value, String label) {}

    /** The cover's four key figures: coverage, open risks, open findings, evidence. */
    static List<CoverFigure> coverFigures(Snapshot s) {
        Figures f = figures(s);
        long critical = f.risksByBand().get("Critical")[0];
        return List.of(
                new CoverFigure(
                        f.percent() + " %",
                        "coverage: " + f.covered() + " covered and " + f.partial() + " partly covered of "
                                + f.requirements() + " requirements"),
                new CoverFigure(
                        String.valueOf(f.openRisks()),
                        (f.openRisks() == 1 ? "open risk" : "open risks")
                                + (critical > 0 ? ", " + critical + " critical" : ", none critical")),
                new CoverFigure(
                        f.openFindings() == null ? "–" : String.valueOf(f.openFindings()),
                        f.openFindings() == null
                                ? "no findings register"
                                : f.openFindings() == 1 ? "open finding" : "open findings"),
                new CoverFigure(
                        String.valueOf(f.evidence()),
                        "evidence items, " + f.current() + " current, " + f.expired() + " expired"));
    }

    static String soaSentence(Snapshot s) {
        if (!SnapshotReader.ISO_42001.equals(s.framework().code())) {
            return "";
        }
        SoaService.Issued soa = s.soa();
        return soa == null
                ? "No Statement of Applicability had been issued by " + s.asOf() + "."
                : "Statement of Applicability version " + soa.number() + " in force, approved by " + soa.approvedBy()
                        + " on " + soa.issuedAt().atZone(ZoneOffset.UTC).toLocalDate() + ".";
    }

    /** The summary section's rows. */
    static List<DocRow> rows(Snapshot s, Map<Long, String> groups) {
        Figures f = figures(s);
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1(TITLE));
        rows.add(DocRow.p(inShort(s)));

        rows.add(DocRow.h2("Coverage per clause group"));
        rows.add(DocRow.p("A requirement is covered when an implemented control meets it fully, partly covered when "
                + "the controls meeting it are planned, in progress or meet it only in part — or when its coverage "
                + "comes through a crosswalk from another framework — and not covered otherwise. The same computation "
                + "as the Coverage screen and the coverage API, for this scope as of " + s.asOf() + "."));
        Map<String, long[]> perGroup = new LinkedHashMap<>();
        for (RequirementCoverage c : s.coverage().requirements()) {
            long[] counts =
                    perGroup.computeIfAbsent(groups.getOrDefault(c.requirement().id(), "Other"), k -> new long[3]);
            counts[c.level() == CoverageLevel.COVERED ? 0 : c.level() == CoverageLevel.PARTIAL ? 1 : 2]++;
        }
        List<CoverageChart.Bar> bars = perGroup.entrySet().stream()
                .map(e -> new CoverageChart.Bar(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
        if (!bars.isEmpty()) {
            // a few clause groups (NIST AI RMF's four functions) fit the short band; many get the tall one
            rows.add(
                    bars.size() <= 6
                            ? DocRow.smallImage(CoverageChart.render(bars, 523, 130))
                            : DocRow.image(CoverageChart.render(bars, 523, 260)));
        }
        rows.add(DocRow.th(DocRow.Layout.NAME_AND_FIGURES, "Clause group", "Covered", "Partly covered", "Not covered"));
        bars.forEach(b -> rows.add(DocRow.tr(
                b.label(), String.valueOf(b.covered()), String.valueOf(b.partial()), String.valueOf(b.notCovered()))));
        rows.add(DocRow.tr(
                "All requirements",
                String.valueOf(f.covered()),
                f.partial()
                        + (f.partialThroughCrosswalk() > 0
                                ? " (" + f.partialThroughCrosswalk() + " through a crosswalk)"
                                : ""),
                String.valueOf(f.notCovered())));

        rows.add(DocRow.h2("Open risks by band"));
        rows.add(DocRow.p("Risks of the AI systems in scope that were not closed on " + s.asOf() + ", by the band of "
                + "their residual score (their inherent score while no residual score was assessed)."));
        rows.add(DocRow.th("Band", "Open risks", "Of which accepted", "Scores"));
        String[] ranges = {"15–25", "8–14", "4–7", "1–3"};
        int i = 0;
        for (Map.Entry<String, long[]> e : f.risksByBand().entrySet()) {
            rows.add(DocRow.tr(
                    e.getKey(), String.valueOf(e.getValue()[0]), String.valueOf(e.getValue()[1]), ranges[i++]));
        }

        rows.add(DocRow.h2("Open findings"));
        rows.add(DocRow.p(
                f.openFindings() == null
                        ? "No findings register in this build."
                        : f.openFindings() == 0
                                ? "No finding was open on " + s.asOf() + "."
                                : f.openFindings() + (f.openFindings() == 1 ? " finding was" : " findings were")
                                        + " open on " + s.asOf() + " (" + severities(s) + "); section 5 lists them."));

        rows.add(DocRow.h2("Evidence freshness"));
        rows.add(DocRow.th("Evidence items", "Current", "Expiring within " + EXPIRING_DAYS + " days", "Expired"));
        rows.add(DocRow.tr(
                String.valueOf(f.evidence()),
                String.valueOf(f.current()),
                String.valueOf(f.expiringSoon()),
                String.valueOf(f.expired())));
        if (f.unreviewed() > 0) {
            rows.add(DocRow.p(f.unreviewed() + " of them had no review sign-off."));
        }

        if (SnapshotReader.ISO_42001.equals(s.framework().code())) {
            rows.add(DocRow.h2("Statement of Applicability in force"));
            rows.add(DocRow.p(soaSentence(s)));
        }
        return rows;
    }

    private static String severities(Snapshot s) {
        Map<String, Long> by = new LinkedHashMap<>();
        s.findings().forEach(f -> by.merge(PackDocument.label(f.severity()).toLowerCase(Locale.ROOT), 1L, Long::sum));
        return String.join(
                ", ",
                by.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList());
    }

    private static int parse(String score) {
        try {
            return score == null ? 0 : Integer.parseInt(score.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
