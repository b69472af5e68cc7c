package dev.aegis.evidence.pack;

import dev.aegis.audit.AuditHistory;
import dev.aegis.control.ControlHistory;
import dev.aegis.control.ControlHistory.ApplicationAt;
import dev.aegis.control.ControlHistory.ControlAt;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.CoverageService;
import dev.aegis.control.SoaService;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.SystemHistory;
import dev.aegis.inventory.SystemHistory.SystemAt;
import dev.aegis.risk.RiskHistory;
import dev.aegis.risk.RiskHistory.RiskAt;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.reports.PackSectionSource;
import dev.aegis.telemetry.TelemetryService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link Snapshot}: the catalog through the framework module, the registers as they stood through
 * the modules' "as of" readers ({@link SystemHistory}, {@link ControlHistory}, {@link RiskHistory},
 * {@link AuditHistory}), the issued Statement of Applicability through the control module, the evidence through
 * {@link PackEvidence}, and the sections other modules add ({@link PackSectionSource}). The caller's permissions apply (a background build runs as the person who asked for it).
 */
@Component
class SnapshotReader {

    static final String ISO_42001 = "ISO-IEC-42001-2023";
    /** How far back the audit log excerpt reaches from the "as of" date. */
    static final int AUDIT_DAYS = 90;

    static final int AUDIT_LIMIT = 5_000;
    /** At most this many telemetry test results (of the audit excerpt's period) are printed. */
    static final int TELEMETRY_LIMIT = 2_000;

    private final FrameworkCatalog catalog;
    private final SystemHistory systemHistory;
    private final ControlHistory controlHistory;
    private final RiskHistory riskHistory;
    private final AuditHistory auditHistory;
    private final SoaService soa;
    private final PackEvidence evidence;
    private final PackFindings findings;
    private final TelemetryService telemetry;
    private final CoverageService coverageService;
    private final ObjectProvider<PackSectionSource> sectionSources;

    SnapshotReader(
            FrameworkCatalog catalog,
            SystemHistory systemHistory,
            ControlHistory controlHistory,
            RiskHistory riskHistory,
            AuditHistory auditHistory,
            SoaService soa,
            PackEvidence evidence,
            ObjectProvider<PackFindings> findings,
            TelemetryService telemetry,
            CoverageService coverageService,
            ObjectProvider<PackSectionSource> sectionSources) {
        this.coverageService = coverageService;
        this.sectionSources = sectionSources;
        this.telemetry = telemetry;
        this.catalog = catalog;
        this.systemHistory = systemHistory;
        this.controlHistory = controlHistory;
        this.riskHistory = riskHistory;
        this.auditHistory = auditHistory;
        this.soa = soa;
        this.evidence = evidence;
        this.findings = findings.getIfAvailable(() -> PackFindings.NONE);
    }

    /** The end of the "as of" day (UTC): what happened on that day is part of the state. */
    static Instant endOf(LocalDate asOf) {
        return asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Snapshot read(String frameworkCode, Collection<Long> systemIds, LocalDate asOf) {
        return read(frameworkCode, systemIds, asOf, endOf(asOf));
    }

    /** As {@link #read(String, Collection, LocalDate)}, at an exact moment (tests pin one between two changes). */
    Snapshot read(String frameworkCode, Collection<Long> systemIds, LocalDate asOf, Instant at) {
        FrameworkSummary framework = catalog.frameworks().stream()
                .filter(f -> f.code().equals(frameworkCode))
                .findFirst()
                .orElseThrow(() -> new DomainRuleException("framework", "No framework " + frameworkCode));
        List<SystemAt> all = systemHistory.asOf(at);
        boolean allSystems = systemIds == null || systemIds.isEmpty();
        List<SystemAt> systems = allSystems
                ? all
                : all.stream().filter(s -> systemIds.contains(s.id())).toList();
        if (!allSystems && systems.size() < Set.copyOf(systemIds).size()) {
            throw new DomainRuleException("systems", "Some of these AI systems did not exist on " + asOf + ".");
        }
        Set<Long> scope = new HashSet<>(systems.stream().map(SystemAt::id).toList());

        // every control and application as it stood: the framework's own and those that reach it through a crosswalk
        List<Long> everyRequirement = catalog.frameworks().stream()
                .flatMap(f -> catalog.tree(f.code(), true).stream())
                .map(RequirementSummary::id)
                .toList();
        Map<ControlAt, Set<Long>> everyControl = controlHistory.controlsFor(everyRequirement, at);
        List<ApplicationAt> everyApplication = everyControl.isEmpty()
                ? List.of()
                : controlHistory.applications(
                        everyControl.keySet().stream().map(ControlAt::id).toList(), at);
        Set<Long> existing = new HashSet<>(all.stream().map(SystemAt::id).toList());
        Map<Long, ImplementationStatus> statuses = new HashMap<>();
        everyControl.keySet().forEach(c -> statuses.put(c.id(), status(c.status())));
        List<CoverageService.ApplicationState> states = everyApplication.stream()
                .filter(a -> existing.contains(a.systemId()))
                .map(a -> new CoverageService.ApplicationState(a.controlId(), a.systemId(), status(a.status())))
                .toList();
        // one truth with the Coverage screen and API: the same computation, fed with the states as they stood
        CoverageService.FrameworkCoverage coverage =
                coverageService.scope(frameworkCode, allSystems ? List.of() : List.copyOf(scope), statuses, states, at);
        List<RequirementSummary> requirements = coverage.requirements().stream()
                .map(CoverageService.RequirementCoverage::requirement)
                .toList();
        Set<Long> frameworkRequirements = new HashSet<>(catalog.tree(frameworkCode, true).stream()
                .map(RequirementSummary::id)
                .toList());
        Map<ControlAt, Set<Long>> controls = new LinkedHashMap<>();
        everyControl.forEach((c, reqs) -> {
            Set<Long> own = new java.util.LinkedHashSet<>(reqs);
            own.retainAll(frameworkRequirements);
            if (!own.isEmpty()) {
                controls.put(c, own);
            }
        });
        Set<Long> frameworkControls =
                controls.keySet().stream().map(ControlAt::id).collect(Collectors.toSet());
        List<ApplicationAt> applications = everyApplication.stream()
                .filter(a -> frameworkControls.contains(a.controlId()))
                .toList();
        Map<Long, List<ApplicationAt>> byControl = new HashMap<>();
        for (ApplicationAt a : applications) {
            if (scope.contains(a.systemId())) {
                byControl.computeIfAbsent(a.controlId(), k -> new ArrayList<>()).add(a);
            }
        }
        // a control is in scope when it applies to a system in scope (every mapped control when the scope is all)
        Map<Long, List<ControlAt>> byRequirement = new LinkedHashMap<>();
        Set<Long> controlIds = new HashSet<>();
        controls.forEach((c, reqs) -> {
            if (allSystems || byControl.containsKey(c.id())) {
                controlIds.add(c.id());
                reqs.forEach(r ->
                        byRequirement.computeIfAbsent(r, k -> new ArrayList<>()).add(c));
            }
        });

        List<PackEvidence.Item> items = evidence.forScope(controlIds, allSystems ? Set.of() : scope, at);
        Map<Long, List<PackEvidence.Item>> evidenceByControl = new HashMap<>();
        for (PackEvidence.Item i : items) {
            for (Long c : i.controlIds()) {
                evidenceByControl.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
            }
        }

        SoaService.Issued issued = frameworkCode.equals(ISO_42001) ? issuedSoaAt(at) : null;
        Instant auditFrom = at.minus(AUDIT_DAYS, ChronoUnit.DAYS);
        var risks = riskHistory.asOf(allSystems ? Set.of() : scope, at);
        var results = telemetry.results(scope, auditFrom, at, PageRequest.of(0, TELEMETRY_LIMIT));
        Map<Long, String> references = controlHistory.references(controlIds);
        return new Snapshot(
                framework,
                asOf,
                at,
                systems,
                allSystems,
                requirements,
                byRequirement,
                byControl,
                evidenceByControl,
                items,
                risks,
                issued,
                findings.openAt(scope, at),
                audit(auditFrom, at, scope, controlIds, applications, risks),
                auditFrom,
                results.getContent(),
                results.getTotalElements(),
                coverage,
                references,
                groups(frameworkCode),
                sections(frameworkCode, at));
    }

    /** What other modules add to a pack of this framework, as of the same moment, in the sources' order. */
    private List<PackSectionSource.PackSection> sections(String frameworkCode, Instant at) {
        return sectionSources
                .orderedStream()
                .flatMap(source -> source.sectionsAsOf(at, frameworkCode).stream())
                .toList();
    }

    /** Each requirement's clause group: its top-level ancestor, e.g. "4 · Context of the organization". */
    private Map<Long, String> groups(String frameworkCode) {
        Map<Long, RequirementSummary> byId = new HashMap<>();
        catalog.tree(frameworkCode, true).forEach(r -> byId.put(r.id(), r));
        Map<Long, String> out = new HashMap<>();
        for (RequirementSummary r : byId.values()) {
            RequirementSummary top = r;
            while (top.parentId() != null && byId.containsKey(top.parentId())) {
                top = byId.get(top.parentId());
            }
            // "4 · Context of the organization", but "GOVERN", not "GOVERN · Govern", where the title repeats the
            // reference
            out.put(
                    r.id(),
                    top.title() == null || top.title().equalsIgnoreCase(top.refId()) ? top.refId() : top.label());
        }
        return out;
    }

    private static ImplementationStatus status(String name) {
        return name == null ? null : ImplementationStatus.valueOf(name);
    }

    /** Issued versions are immutable: the one in force at that moment is the last issued before it. */
    private SoaService.Issued issuedSoaAt(Instant at) {
        return soa.versions().stream()
                .filter(v -> !v.issuedAt().isAfter(at))
                .findFirst()
                .map(v -> soa.version(v.number()))
                .orElse(null);
    }

    private List<AuditHistory.Line> audit(
            Instant from,
            Instant to,
            Set<Long> systems,
            Set<Long> controls,
            List<ApplicationAt> applications,
            List<RiskAt> risks) {
        Map<String, Collection<Long>> objects = new LinkedHashMap<>();
        objects.put("AiSystem", systems);
        objects.put("Control", controls);
        objects.put(
                "ControlApplication",
                applications.stream()
                        .filter(a -> systems.contains(a.systemId()))
                        .map(ApplicationAt::id)
                        .toList());
        objects.put("Risk", risks.stream().map(RiskAt::id).toList());
        return auditHistory.excerpt(
                from,
                to,
                objects,
                List.of("StatementOfApplicability", "SoaEntry", "EvidencePack", "Evidence"),
                AUDIT_LIMIT);
    }
}
