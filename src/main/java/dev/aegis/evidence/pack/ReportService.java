package dev.aegis.evidence.pack;

import dev.aegis.control.ControlService;
import dev.aegis.evidence.pack.PackEvents.ReportExported;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemDetails;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskHistory;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.reports.DocRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The other reports: the risk register PDF (the filters of the risk screen), the AI system profile PDF (a model-card
 * like sheet) and the OSCAL assessment results for a framework and scope. Every export lands in the audit log.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    static final String READERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    /** The risk register report stops here; the CSV/Excel export has no limit. */
    static final int RISK_LIMIT = 20_000;

    private final RiskService risks;
    private final AiSystemService systems;
    private final ControlService controls;
    private final SnapshotReader reader;
    private final OscalAssessmentResults oscal;
    private final PackDocument document;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportService(
            RiskService risks,
            AiSystemService systems,
            ControlService controls,
            SnapshotReader reader,
            OscalAssessmentResults oscal,
            PackDocument document,
            ApplicationEventPublisher events,
            Clock clock) {
        this.risks = risks;
        this.systems = systems;
        this.controls = controls;
        this.reader = reader;
        this.oscal = oscal;
        this.document = document;
        this.events = events;
        this.clock = clock;
    }

    /** The risk register of these AI systems (empty: every risk) as PDF. */
    @PreAuthorize(READERS)
    @Transactional
    public void riskRegister(Collection<Long> systemIds, OutputStream out) {
        if (systemIds == null || systemIds.isEmpty()) {
            riskRegister(RiskService.Filter.none(), out);
            return;
        }
        List<RiskService.Filter> filters = systemIds.stream()
                .distinct()
                .map(id -> new RiskService.Filter(null, null, null, null, null, null, id))
                .toList();
        render(filters, "AI systems " + systemIds, out);
    }

    /** The risk register as PDF, filtered as on the risk screen. */
    @PreAuthorize(READERS)
    @Transactional
    public void riskRegister(RiskService.Filter filter, OutputStream out) {
        RiskService.Filter f = filter == null ? RiskService.Filter.none() : filter;
        render(List.of(f), describe(f), out);
    }

    private void render(List<RiskService.Filter> filters, String described, OutputStream out) {
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("Risks"));
        Map<Long, Risk> byId = new java.util.LinkedHashMap<>();
        for (RiskService.Filter f : filters) {
            Slice<Risk> slice = risks.slice(
                    f,
                    PageRequest.of(
                            0,
                            1000,
                            Sort.by(Sort.Direction.DESC, "inherentScore").and(Sort.by("id"))));
            while (true) {
                slice.getContent().forEach(r -> byId.putIfAbsent(r.getId(), r));
                if (!slice.hasNext() || byId.size() >= RISK_LIMIT) {
                    break;
                }
                slice = risks.slice(f, slice.nextPageable());
            }
        }
        List<Risk> found = new ArrayList<>(byId.values());
        found.sort(java.util.Comparator.comparingInt(Risk::getInherentScore)
                .reversed()
                .thenComparing(Risk::getId));
        Map<Long, String> names = systems.names(
                found.stream().flatMap(r -> r.getSystems().stream()).collect(Collectors.toSet()));
        if (found.isEmpty()) {
            rows.add(DocRow.p("No risk matches these filters."));
        } else {
            rows.add(DocRow.th("Risk · AI systems", "Title", "Category · status · treatment", "Scores · owner · due"));
            for (Risk r : found) {
                rows.add(DocRow.tr(
                        "R-" + r.getId() + " · "
                                + r.getSystems().stream()
                                        .map(id -> names.getOrDefault(id, "AI system " + id))
                                        .sorted()
                                        .collect(Collectors.joining(", ")),
                        r.getTitle(),
                        riskState(r),
                        PackDocument.riskScores(at(r))));
            }
            if (found.size() >= RISK_LIMIT) {
                rows.add(DocRow.p("Only the first " + RISK_LIMIT + " risks are listed; the CSV export holds all."));
            }
        }
        document.renderPlain(
                "Risk register",
                described + " · " + found.size() + (found.size() == 1 ? " risk" : " risks"),
                generated(),
                rows,
                out);
        events.publishEvent(new ReportExported("risk-register.pdf", null, described));
    }

    /** "Safety · accepted · treatment: accept". */
    private static String riskState(Risk r) {
        return PackDocument.label(r.getCategory().name()) + " · "
                + PackDocument.label(r.getStatus().name()).toLowerCase(java.util.Locale.ROOT)
                + (r.getTreatment() == null
                        ? ""
                        : " · treatment: "
                                + PackDocument.label(r.getTreatment().name()).toLowerCase(java.util.Locale.ROOT));
    }

    /** The same words as the pack's risk excerpt. */
    private static RiskHistory.RiskAt at(Risk r) {
        return new RiskHistory.RiskAt(
                r.getId(),
                r.getTitle(),
                r.getCategory().name(),
                r.getStatus().name(),
                String.valueOf(r.getInherentScore()),
                r.getResidualScore() == null ? null : String.valueOf(r.getResidualScore()),
                r.getOwner(),
                r.getTreatment() == null ? null : r.getTreatment().name(),
                r.getDueDate() == null ? null : r.getDueDate().toString(),
                java.util.Set.of());
    }

    /** A model-card-like sheet of one AI system: purpose, data, lifecycle, risks, controls. */
    @PreAuthorize(READERS)
    @Transactional
    public void systemProfile(long systemId, OutputStream out) {
        AiSystem system = systems.get(systemId);
        AiSystemDetails d = system.details();
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("Purpose and use"));
        rows.add(DocRow.kv("Purpose", d.purpose()));
        rows.add(DocRow.kv("Intended use", text(d.intendedUse())));
        rows.add(DocRow.kv("Business owner", text(d.businessOwner())));
        rows.add(DocRow.kv("Technical owner", text(d.technicalOwner())));
        rows.add(DocRow.kv("Model type", PackDocument.label(d.modelType().name())));
        rows.add(DocRow.kv(
                "Deployment",
                PackDocument.label(d.deployment().name())
                        + (d.vendorName() == null ? "" : " (" + d.vendorName() + ")")));
        rows.add(DocRow.kv("Autonomy", PackDocument.label(d.autonomy().name())));
        rows.add(DocRow.kv("Human oversight", text(d.humanOversight())));
        rows.add(DocRow.kv(
                "EU AI Act",
                PackDocument.label(d.euAiActTier().name()) + " tier, "
                        + PackDocument.label(d.euAiActRole().name())));
        rows.add(DocRow.kv("People affected", labels(d.peopleAffected())));
        rows.add(DocRow.h1("Data"));
        rows.add(DocRow.kv("Data categories", labels(d.dataCategories())));
        rows.add(DocRow.kv("Provenance", text(d.dataProvenance())));
        rows.add(DocRow.kv("Consent / legal basis", text(d.consentBasis())));
        rows.add(DocRow.kv("Minimisation", text(d.dataMinimisation())));
        rows.add(DocRow.kv("Privacy-preserving training", text(d.privacyPreservingTraining())));
        rows.add(DocRow.h1("Lifecycle"));
        rows.add(DocRow.kv("Stage", PackDocument.label(d.lifecycleStage().name())));
        rows.add(DocRow.kv("Status", PackDocument.label(d.status().name())));
        rows.add(DocRow.kv(
                "Next review", d.nextReview() == null ? "–" : d.nextReview().toString()));
        rows.add(DocRow.kv("Dependency scanning", text(d.dependencyScanning())));
        rows.add(DocRow.kv("Code review", text(d.codeReview())));
        rows.add(DocRow.kv("Serving hardening", text(d.servingHardening())));
        rows.add(DocRow.kv("Drift monitoring", text(d.driftMonitoring())));
        rows.add(DocRow.kv("Adversarial monitoring", text(d.adversarialMonitoring())));
        if (d.deletionDate() != null) {
            rows.add(DocRow.kv(
                    "Deletion",
                    d.deletionDate() + " · " + text(d.deletionMethod()) + " · signed off by "
                            + text(d.deletionSignedOffBy())));
        }
        rows.add(DocRow.h1("Risks"));
        List<Risk> own = risks.slice(
                        new RiskService.Filter(null, null, null, null, null, null, systemId),
                        PageRequest.of(0, 500, Sort.by(Sort.Direction.DESC, "inherentScore")))
                .getContent();
        if (own.isEmpty()) {
            rows.add(DocRow.p("No risk is recorded for this system."));
        } else {
            rows.add(DocRow.th("Risk", "Title", "Category · status · treatment", "Scores · owner · due"));
            own.forEach(r ->
                    rows.add(DocRow.tr("R-" + r.getId(), r.getTitle(), riskState(r), PackDocument.riskScores(at(r)))));
        }
        rows.add(DocRow.h1("Controls"));
        var applied = controls.appliedTo(systemId);
        if (applied.isEmpty()) {
            rows.add(DocRow.p("No control is applied to this system yet."));
        } else {
            rows.add(DocRow.th("Control", "Title", "Status on this system", "Library status"));
            Map<Long, String> references = controls
                    .get(applied.stream().map(a -> a.controlId()).toList())
                    .stream()
                    .collect(Collectors.toMap(c -> c.getId(), c -> c.reference()));
            applied.forEach(a -> rows.add(DocRow.tr(
                    references.getOrDefault(a.controlId(), "C-" + a.controlId()),
                    a.controlTitle(),
                    PackDocument.label(a.status().name()),
                    PackDocument.label(a.libraryStatus().name()))));
        }
        rows.add(DocRow.h1("Telemetry"));
        rows.add(DocRow.p(
                d.driftMonitoring() == null
                        ? "No telemetry summary: this system records no monitoring."
                        : "Monitoring as recorded: " + d.driftMonitoring()
                                + ". Live figures are on the Monitor screen."));
        document.renderPlain(
                "AI system profile — " + system.getName(),
                PackDocument.label(d.lifecycleStage().name()) + " · "
                        + PackDocument.label(d.euAiActTier().name())
                        + " tier",
                generated(),
                rows,
                out);
        events.publishEvent(
                new ReportExported("system-profile.pdf", String.valueOf(systemId), "AI system " + systemId));
    }

    /** The OSCAL 1.2.1 assessment results (JSON) for a framework and scope as of a date (today when null). */
    @PreAuthorize(READERS)
    @Transactional
    public void oscal(String frameworkCode, Collection<Long> systemIds, LocalDate asOf, OutputStream out) {
        if (frameworkCode == null || frameworkCode.isBlank()) {
            throw new DomainRuleException("framework", "Choose a framework.");
        }
        LocalDate date = asOf == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : asOf;
        Snapshot s = reader.read(frameworkCode, systemIds == null ? List.of() : systemIds, date);
        try {
            out.write(oscal.write(s, clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(
                new ReportExported("oscal-assessment-results", frameworkCode, s.scopeLabel() + " as of " + date));
    }

    private String generated() {
        return "Generated " + PackWords.time(clock.instant()) + " by " + Actors.current() + " with Aegis";
    }

    private static String describe(RiskService.Filter f) {
        List<String> parts = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) parts.add("text “" + f.text() + "”");
        if (f.status() != null)
            parts.add("status " + PackDocument.label(f.status().name()));
        if (f.owner() != null && !f.owner().isBlank()) parts.add("owner " + f.owner());
        if (f.category() != null)
            parts.add("category " + PackDocument.label(f.category().name()));
        if (f.tier() != null) parts.add("tier " + PackDocument.label(f.tier().name()));
        if (f.requirement() != null) parts.add("requirement #" + f.requirement());
        if (f.system() != null) parts.add("AI system #" + f.system());
        return parts.isEmpty() ? "All risks" : "Filtered by " + String.join(", ", parts);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    private static String labels(Collection<? extends Enum<?>> values) {
        return values == null || values.isEmpty()
                ? "–"
                : values.stream()
                        .map(v -> PackDocument.label(v.name()))
                        .sorted()
                        .collect(Collectors.joining(", "));
    }
}
