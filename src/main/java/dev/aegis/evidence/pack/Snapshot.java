package dev.aegis.evidence.pack;

import dev.aegis.audit.AuditHistory;
import dev.aegis.control.ControlHistory.ApplicationAt;
import dev.aegis.control.ControlHistory.ControlAt;
import dev.aegis.control.CoverageService;
import dev.aegis.control.SoaService;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.inventory.SystemHistory.SystemAt;
import dev.aegis.risk.RiskHistory.RiskAt;
import dev.aegis.shared.reports.PackSectionSource;
import dev.aegis.telemetry.TelemetryService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a pack (and the OSCAL assessment results) says about a framework and a scope as of a date: the framework's
 * requirements, the controls implementing them and their status per system, the evidence, the risks, the issued
 * Statement of Applicability current at that date, the open findings, the telemetry test results
 * recorded in the audit excerpt's period (the first {@link SnapshotReader#TELEMETRY_LIMIT}, of {@code telemetryTotal})
 * and the audit log excerpt; then the sections other modules add for the framework ({@link PackSectionSource}: the AI
 * management system's records), as of the same moment.
 */
record Snapshot(
        FrameworkSummary framework,
        LocalDate asOf,
        Instant at,
        List<SystemAt> systems,
        boolean allSystems,
        List<RequirementSummary> requirements,
        Map<Long, List<ControlAt>> controlsByRequirement,
        Map<Long, List<ApplicationAt>> applicationsByControl,
        Map<Long, List<PackEvidence.Item>> evidenceByControl,
        List<PackEvidence.Item> evidence,
        List<RiskAt> risks,
        SoaService.Issued soa,
        List<PackFindings.Finding> findings,
        List<AuditHistory.Line> audit,
        Instant auditFrom,
        List<TelemetryService.RecordedResult> telemetry,
        long telemetryTotal,
        CoverageService.FrameworkCoverage coverage,
        Map<Long, String> controlReferences,
        Map<Long, String> groups,
        List<PackSectionSource.PackSection> sections) {

    Set<Long> systemIds() {
        return systems.stream().map(SystemAt::id).collect(java.util.stream.Collectors.toSet());
    }

    String scopeLabel() {
        if (allSystems) {
            return "All AI systems (" + systems.size() + ")";
        }
        return String.join(", ", systemNames().values());
    }

    /** Each system's name as the pack prints it (see {@link PackWords#systemNames}). */
    Map<Long, String> systemNames() {
        return PackWords.systemNames(systems);
    }

    /** How people cite a control: "SC-44" (a starter control) or "C-12". */
    String reference(long controlId) {
        return controlReferences.getOrDefault(controlId, "C-" + controlId);
    }

    /** The coverage of one requirement in scope. */
    CoverageService.RequirementCoverage coverageOf(long requirementId) {
        return coverage.requirements().stream()
                .filter(c -> c.requirement().id() == requirementId)
                .findFirst()
                .orElse(null);
    }

    int controlCount() {
        return (int) controlsByRequirement.values().stream()
                .flatMap(List::stream)
                .map(ControlAt::id)
                .distinct()
                .count();
    }
}
