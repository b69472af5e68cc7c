package dev.aegis.control;

import dev.aegis.control.ControlEvents.SoaExported;
import dev.aegis.control.ControlEvents.SoaIssued;
import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.RequirementKind;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.reports.Reports;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ISO/IEC 42001 Statement of Applicability: every Annex A control, applicable or not and why, with the library
 * controls that implement it and their status (derived, never typed in). Governance officers and administrators decide
 * and issue; an issued version is a JSON snapshot kept exactly as issued, with its date and approver. Everyone signed
 * in reads it; auditors and officers export it as CSV or PDF.
 */
@Service
@Transactional
public class SoaService {

    static final String ISO = "ISO-IEC-42001-2023";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SoaEntries entries;
    private final SoaVersions versions;
    private final FrameworkCatalog catalog;
    private final JdbcTemplate jdbc;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SoaService(
            SoaEntries entries,
            SoaVersions versions,
            FrameworkCatalog catalog,
            JdbcTemplate jdbc,
            Reports reports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.entries = entries;
        this.versions = versions;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** A library control implementing an Annex A control. */
    public record Implementing(long controlId, String title, ImplementationStatus status, MappingStrength strength) {}

    /**
     * One line of the statement. {@code applicable} is null while undecided; {@code implementation} is derived from the
     * implementing controls (covered, partly covered, not covered).
     */
    public record Line(
            long requirementId,
            String refId,
            String title,
            Boolean applicable,
            String justification,
            List<Implementing> controls,
            CoverageLevel implementation,
            long version) {}

    /** An issued version, as issued. */
    public record Issued(int number, Instant issuedAt, String approvedBy, String note, List<Line> lines) {}

    public record IssuedSummary(int number, Instant issuedAt, String approvedBy, String note) {}

    /** The working statement: every Annex A control with its current decision and implementation. */
    @PreAuthorize(ControlService.READERS)
    @Transactional(readOnly = true)
    public List<Line> current() {
        List<RequirementSummary> annex = annexA();
        Map<Long, SoaEntry> decided = entries
                .findAllById(annex.stream().map(RequirementSummary::id).toList())
                .stream()
                .collect(Collectors.toMap(SoaEntry::getRequirementId, Function.identity()));
        Map<Long, List<Implementing>> implementing =
                implementing(annex.stream().map(RequirementSummary::id).toList());
        List<Line> out = new ArrayList<>();
        for (RequirementSummary r : annex) {
            SoaEntry e = decided.get(r.id());
            List<Implementing> controls = implementing.getOrDefault(r.id(), List.of());
            out.add(new Line(
                    r.id(),
                    r.refId(),
                    r.title(),
                    e == null ? null : e.isApplicable(),
                    e == null ? null : e.getJustification(),
                    controls,
                    implementation(controls),
                    e == null ? -1 : e.getVersion()));
        }
        return out;
    }

    /**
     * Includes or excludes an Annex A control, with the justification or the reason. {@code expectedVersion} is the
     * version read ({@code -1} for a control not decided yet).
     */
    @PreAuthorize(ControlService.WRITERS)
    public Line decide(long requirementId, long expectedVersion, boolean applicable, String justification) {
        if (annexA().stream().noneMatch(r -> r.id() == requirementId)) {
            throw new DomainRuleException(
                    "requirementId", "Requirement " + requirementId + " is not an ISO/IEC 42001 Annex A control.");
        }
        SoaEntry entry = entries.findById(requirementId).orElse(null);
        long current = entry == null ? -1 : entry.getVersion();
        if (current != expectedVersion) {
            throw new org.springframework.dao.OptimisticLockingFailureException("This Annex A control was decided by "
                    + "someone else meanwhile (version " + current + ", yours " + expectedVersion + ").");
        }
        if (entry == null) {
            entry = new SoaEntry(requirementId);
        }
        entry.decide(applicable, justification, Actors.current(), clock.instant());
        entries.saveAndFlush(entry);
        return current().stream()
                .filter(l -> l.requirementId() == requirementId)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Issues the statement as it stands, as a new version approved by the signed-in officer. Every Annex A control
     * must be decided first.
     */
    @PreAuthorize(ControlService.WRITERS)
    public Issued issue(String note) {
        List<Line> lines = current();
        List<String> open = lines.stream()
                .filter(l -> l.applicable() == null)
                .map(Line::refId)
                .toList();
        if (!open.isEmpty()) {
            throw new DomainRuleException(
                    "applicable",
                    "Decide every Annex A control before issuing; still open: "
                            + String.join(", ", open.subList(0, Math.min(8, open.size())))
                            + (open.size() > 8 ? " …" : "") + ".");
        }
        Integer last = jdbc.queryForObject("select max(number) from control.soa_version", Integer.class);
        int number = last == null ? 1 : last + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String content = JSON.writeValueAsString(lines);
        SoaVersion v = versions.saveAndFlush(new SoaVersion(
                number, at, Actors.current(), note == null || note.isBlank() ? null : note.trim(), content));
        events.publishEvent(new SoaIssued(number, v.getApprovedBy(), lines.size()));
        return issued(v);
    }

    @PreAuthorize(ControlService.READERS)
    @Transactional(readOnly = true)
    public List<IssuedSummary> versions() {
        return versions.findAllByOrderByNumberDesc().stream()
                .map(v -> new IssuedSummary(v.getNumber(), v.getIssuedAt(), v.getApprovedBy(), v.getNote()))
                .toList();
    }

    @PreAuthorize(ControlService.READERS)
    @Transactional(readOnly = true)
    public Issued version(int number) {
        return issued(versions.findByNumber(number)
                .orElseThrow(() -> new NotFoundException("No issued Statement of Applicability " + number)));
    }

    /** Writes the working statement (number null) or an issued version as CSV. */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')")
    public void csv(Integer number, OutputStream out) {
        List<Line> lines = number == null ? current() : version(number).lines();
        try (TableWriter w = TableWriter.open(
                TabularFormat.CSV,
                out,
                List.of(
                        "Annex A control",
                        "Title",
                        "Applicable",
                        "Justification for inclusion or reason for exclusion",
                        "Implementing controls",
                        "Implementation"))) {
            for (Line l : lines) {
                w.row(List.of(
                        l.refId(),
                        l.title(),
                        applicable(l),
                        nullToEmpty(l.justification()),
                        controls(l),
                        ControlVocabulary.label(l.implementation())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new SoaExported(number, "csv"));
    }

    /** Renders the working statement (number null) or an issued version as PDF. */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')")
    public void pdf(Integer number, OutputStream out) {
        Issued issued = number == null ? null : version(number);
        List<Line> lines = issued == null ? current() : issued.lines();
        List<PdfRow> rows = lines.stream()
                .map(l -> new PdfRow(
                        l.refId(),
                        l.title(),
                        applicable(l),
                        nullToEmpty(l.justification()),
                        controls(l),
                        ControlVocabulary.label(l.implementation())))
                .toList();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(
                "heading",
                issued == null
                        ? "Working draft (not issued)"
                        : "Version " + issued.number() + ", issued " + Dates.minute(issued.issuedAt())
                                + " and approved by " + issued.approvedBy());
        parameters.put("generatedAt", Dates.minute(clock.instant()));
        parameters.put("generatedBy", Actors.current());
        reports.pdf("statement-of-applicability", rows, parameters, out);
        events.publishEvent(new SoaExported(number, "pdf"));
    }

    /** A line as the PDF template reads it. */
    public record PdfRow(
            String refId,
            String title,
            String applicable,
            String justification,
            String controls,
            String implementation) {
        public String getRefId() {
            return refId;
        }

        public String getTitle() {
            return title;
        }

        public String getApplicable() {
            return applicable;
        }

        public String getJustification() {
            return justification;
        }

        public String getControls() {
            return controls;
        }

        public String getImplementation() {
            return implementation;
        }
    }

    private List<RequirementSummary> annexA() {
        return catalog.tree(ISO, false).stream()
                .filter(r -> r.kind() == RequirementKind.CONTROL && r.refId().startsWith("A."))
                .toList();
    }

    private Map<Long, List<Implementing>> implementing(List<Long> requirementIds) {
        Map<Long, List<Implementing>> out = new HashMap<>();
        jdbc.query(
                """
                select cr.requirement_id, c.id, c.title, c.status, cr.strength
                from control.control_requirement cr join control.control c on c.id = cr.control_id
                where cr.requirement_id = any(?) order by c.title""",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Implementing(
                                    rs.getLong(2),
                                    rs.getString(3),
                                    ImplementationStatus.valueOf(rs.getString(4)),
                                    MappingStrength.valueOf(rs.getString(5))));
                },
                (Object) requirementIds.toArray(Long[]::new));
        return out;
    }

    static CoverageLevel implementation(List<Implementing> controls) {
        CoverageLevel best = CoverageLevel.NOT_COVERED;
        for (Implementing c : controls) {
            if (c.status() == ImplementationStatus.NOT_APPLICABLE) {
                continue;
            }
            CoverageLevel l = c.status() == ImplementationStatus.IMPLEMENTED && c.strength() == MappingStrength.FULL
                    ? CoverageLevel.COVERED
                    : CoverageLevel.PARTIAL;
            if (l.betterThan(best)) {
                best = l;
            }
        }
        return best;
    }

    private static Issued issued(SoaVersion v) {
        List<Line> lines = JSON.readValue(v.getContent(), new TypeReference<List<Line>>() {});
        return new Issued(v.getNumber(), v.getIssuedAt(), v.getApprovedBy(), v.getNote(), lines);
    }

    private static String applicable(Line l) {
        return l.applicable() == null ? "Undecided" : l.applicable() ? "Yes" : "No";
    }

    private static String controls(Line l) {
        return l.controls().stream()
                .map(c -> c.title() + " (" + ControlVocabulary.label(c.status())
                        + (c.strength() == MappingStrength.PARTIAL ? ", partly" : "") + ")")
                .collect(Collectors.joining("; "));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
