package dev.aegis.euaiact;

import dev.aegis.control.CoverageService;
import dev.aegis.control.CoverageService.FrameworkCoverage;
import dev.aegis.euaiact.EuAiActEvents.DocumentExported;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemDetails;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification;
import dev.aegis.inventory.ScopeService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.Dates;
import dev.aegis.shared.Words;
import dev.aegis.shared.reports.DocRow;
import dev.aegis.shared.reports.Reports;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetryService.Result;
import dev.aegis.telemetry.TelemetryTest;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
 * The technical documentation of Annex IV for an AI system, as a PDF assembled from what the register knows: each of
 * the nine points filled from the inventory, the risk register (Art. 9), the telemetry (accuracy and robustness), the
 * framework coverage (standards applied), the classification and the post-market monitoring plan — and saying "not
 * yet recorded" where the register holds nothing. Every export is written to the audit log.
 */
@Service
public class TechnicalDocumentation {

    static final String NOT_RECORDED = "Not yet recorded in Aegis.";

    private final AiSystemService systems;
    private final RiskService risks;
    private final TelemetryService telemetry;
    private final ScopeService scope;
    private final CoverageService coverage;
    private final ClassificationRecords classifications;
    private final MonitoringPlans plans;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TechnicalDocumentation(
            AiSystemService systems,
            RiskService risks,
            TelemetryService telemetry,
            ScopeService scope,
            CoverageService coverage,
            ClassificationRecords classifications,
            MonitoringPlans plans,
            Reports reports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.systems = systems;
        this.risks = risks;
        this.telemetry = telemetry;
        this.scope = scope;
        this.coverage = coverage;
        this.classifications = classifications;
        this.plans = plans;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** The Annex IV rows of a system, in the order of the annex (for the PDF, and for tests to read as text). */
    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public List<DocRow> rows(long systemId) {
        AiSystem system = systems.get(systemId);
        AiSystemDetails d = system.details();
        List<DocRow> rows = new ArrayList<>();
        var latest = classifications.findFirstBySystemIdOrderByNumberDesc(systemId);

        rows.add(DocRow.h1("Classification under Regulation (EU) 2024/1689"));
        rows.add(DocRow.kv("Tier", ActWords.tier(d.euAiActTier())));
        rows.add(DocRow.kv("The organisation's role", ActWords.role(d.euAiActRole())));
        rows.add(DocRow.kv(
                "Basis",
                latest.map(c -> c.getBasis() + " (classification " + c.getNumber() + ", " + c.getAnsweredBy() + ", "
                                + Dates.minute(c.getAnsweredAt()) + ")")
                        .orElse("Not classified yet: answer the EU AI Act questionnaire on the system's page.")));

        rows.add(DocRow.h1("1. General description of the AI system"));
        rows.add(DocRow.kv("(a) Intended purpose", d.purpose()));
        rows.add(DocRow.kv("Intended use", orNot(d.intendedUse())));
        rows.add(DocRow.kv("Provider or vendor", orNot(d.vendorName())));
        rows.add(DocRow.kv("Owners", join(d.businessOwner(), d.technicalOwner())));
        rows.add(DocRow.kv("(b) Interaction with other systems", NOT_RECORDED));
        rows.add(DocRow.kv(
                "(c) Versions",
                "Life-cycle stage " + Classification.label(d.lifecycleStage()) + "; record last changed "
                        + Dates.minute(system.getUpdatedAt())));
        rows.add(DocRow.kv("(d) Forms in which it is placed on the market", Classification.label(d.deployment())));
        rows.add(DocRow.kv("(e) Hardware it runs on", NOT_RECORDED));
        rows.add(DocRow.kv("Model type", Classification.label(d.modelType())));
        rows.add(DocRow.kv("Autonomy", Classification.label(d.autonomy())));
        rows.add(DocRow.kv(
                "People affected",
                d.peopleAffected() == null || d.peopleAffected().isEmpty()
                        ? NOT_RECORDED
                        : d.peopleAffected().stream().map(Classification::label).collect(Collectors.joining(", "))));
        rows.add(DocRow.kv("(g) Instructions for use", NOT_RECORDED));

        rows.add(DocRow.h1("2. Elements of the AI system and its development"));
        rows.add(DocRow.kv("(d) Data: provenance", orNot(d.dataProvenance())));
        rows.add(DocRow.kv("Data: legal basis or consent", orNot(d.consentBasis())));
        rows.add(DocRow.kv("Data: minimisation", orNot(d.dataMinimisation())));
        rows.add(DocRow.kv(
                "Data categories",
                d.dataCategories() == null || d.dataCategories().isEmpty()
                        ? NOT_RECORDED
                        : d.dataCategories().stream().map(Classification::label).collect(Collectors.joining(", "))));
        rows.add(DocRow.kv("Privacy-preserving training", orNot(d.privacyPreservingTraining())));
        rows.add(DocRow.kv("Training access logging", orNot(d.trainingAccessLogging())));
        rows.add(DocRow.kv("Code and notebook review", orNot(d.codeReview())));
        rows.add(DocRow.kv("Dependency scanning", orNot(d.dependencyScanning())));
        rows.add(DocRow.kv("(e) Human oversight measures (Art. 14)", orNot(d.humanOversight())));
        rows.add(DocRow.kv("(h) Cybersecurity: serving hardening", orNot(d.servingHardening())));

        rows.add(DocRow.h1("3. Monitoring, functioning and control"));
        rows.add(DocRow.kv("Drift monitoring", orNot(d.driftMonitoring())));
        rows.add(DocRow.kv("Adversarial monitoring", orNot(d.adversarialMonitoring())));
        List<TelemetryTest> tests = telemetry.tests(systemId);
        Map<Long, Result> results = telemetry.latestResults(systemId);
        if (tests.isEmpty()) {
            rows.add(DocRow.kv(
                    "Accuracy and robustness measured (Art. 15)",
                    NOT_RECORDED + " Define telemetry tests on the system's controls to measure them."));
        } else {
            rows.add(DocRow.p("Accuracy, robustness and fairness as the live telemetry measures them (Art. 15), "
                    + "the newest result of each test:"));
            rows.add(DocRow.th("Test", "Latest outcome", "Figure", "Window ending"));
            for (TelemetryTest t : tests) {
                Result r = results.get(t.getId());
                rows.add(DocRow.tr(
                        t.describe(),
                        r == null ? "No result yet" : outcome(r),
                        r == null || r.figure() == null
                                ? "–"
                                : String.format(java.util.Locale.ROOT, "%.4g", r.figure()),
                        r == null ? "" : Dates.minute(r.windowEnd())));
            }
        }

        rows.add(DocRow.h1("4. Appropriateness of the performance metrics"));
        rows.add(DocRow.p(
                tests.isEmpty()
                        ? NOT_RECORDED
                        : "The metrics above with their thresholds, chosen per control: "
                                + tests.stream()
                                        .map(TelemetryTest::getMetric)
                                        .distinct()
                                        .collect(Collectors.joining(", "))
                                + ". The reasoning behind each threshold is "
                                + NOT_RECORDED.toLowerCase(java.util.Locale.ROOT)));

        rows.add(DocRow.h1("5. Risk management system (Art. 9)"));
        List<Risk> register = risks.search(
                        new RiskService.Filter(null, null, null, null, null, null, systemId), PageRequest.of(0, 500))
                .getContent();
        if (register.isEmpty()) {
            rows.add(DocRow.p(NOT_RECORDED + " Identify the system's risks in the risk register."));
        } else {
            rows.add(DocRow.p("The risk register of the system (" + register.size() + " risks), scored on a 5×5 "
                    + "matrix, inherent and residual:"));
            rows.add(DocRow.th(
                    DocRow.Layout.TEXT_FIRST, "Risk", "Status", "Inherent → residual", "Treatment and owner"));
            for (Risk r : register) {
                rows.add(DocRow.tr(
                        r.getTitle(),
                        Words.of(r.getStatus().name()),
                        r.getInherentScore() + " → "
                                + (r.getResidualScore() == null ? "not assessed" : r.getResidualScore()),
                        (r.getTreatment() == null
                                        ? "not treated yet"
                                        : Words.of(r.getTreatment().name())) + ", "
                                + (r.getOwner() == null ? "no owner" : r.getOwner())));
            }
        }

        rows.add(DocRow.h1("6. Changes through the life cycle"));
        List<ClassificationRecord> history = classifications.findBySystemIdOrderByNumberDesc(systemId);
        if (history.isEmpty()) {
            rows.add(DocRow.p(NOT_RECORDED));
        } else {
            rows.add(DocRow.p("Classifications of the system (the record's other changes are in the audit log):"));
            for (ClassificationRecord c : history) {
                rows.add(DocRow.kv(
                        "Classification " + c.getNumber() + ", " + Dates.minute(c.getAnsweredAt()),
                        ActWords.tier(c.getTier()) + " · " + ActWords.role(c.getRole()) + " · " + c.getBasis() + " ("
                                + c.getAnsweredBy() + ")"));
            }
        }

        rows.add(DocRow.h1("7. Harmonised standards and frameworks applied"));
        Set<String> frameworks = new LinkedHashSet<>();
        scope.scope(systemId).forEach(i -> frameworks.add(i.frameworkCode()));
        if (frameworks.isEmpty()) {
            rows.add(DocRow.p("No harmonised standard is recorded as applied. No framework requirement is in the "
                    + "system's scope yet."));
        } else {
            rows.add(DocRow.p("No harmonised standard is recorded as applied. The frameworks in the system's scope "
                    + "and how far its controls and evidence cover them:"));
            rows.add(DocRow.th(
                    DocRow.Layout.NAME_AND_FIGURES,
                    "Framework",
                    "Requirements in scope",
                    "Covered / partly / not",
                    "Coverage"));
            for (String code : frameworks) {
                FrameworkCoverage f = coverage.framework(code, systemId);
                rows.add(DocRow.tr(
                        f.frameworkName(),
                        String.valueOf(f.requirements().size()),
                        f.count(dev.aegis.control.ControlVocabulary.CoverageLevel.COVERED) + " / "
                                + f.count(dev.aegis.control.ControlVocabulary.CoverageLevel.PARTIAL) + " / "
                                + f.count(dev.aegis.control.ControlVocabulary.CoverageLevel.NOT_COVERED),
                        f.percent() + " %"));
            }
        }

        rows.add(DocRow.h1("8. EU declaration of conformity (Art. 47)"));
        rows.add(DocRow.p(NOT_RECORDED + " Attach the signed declaration as evidence of Article 47 and give its "
                + "reference here once the conformity assessment (Art. 43) is done."));

        rows.add(DocRow.h1("9. Post-market monitoring plan (Art. 72(3))"));
        plans.findBySystemId(systemId)
                .ifPresentOrElse(
                        p -> {
                            rows.add(DocRow.kv("What it watches", p.getObjectives()));
                            rows.add(DocRow.kv("Other sources", p.getOtherSources()));
                            rows.add(DocRow.kv("Review", p.getCadence().label() + ", by " + p.getReviewer()));
                            rows.add(DocRow.kv("Evaluation", p.getEvaluation()));
                            rows.add(DocRow.kv("When it finds a problem", p.getActions()));
                            rows.add(DocRow.kv(
                                    "Live data sources",
                                    tests.size() + " telemetry tests, "
                                            + telemetry.links(systemId).size() + " monitored deployments (section 3)"));
                        },
                        () -> rows.add(DocRow.p(NOT_RECORDED + " Write the plan on the system's page.")));
        return rows;
    }

    /**
     * Why the organisation draws up no Annex IV documentation of a system in its role — empty when it does: a provider
     * (a product manufacturer counts as one, Art. 25(3)) draws it up (Art. 11, 18); a deployer, importer or distributor
     * does not (an importer checks the provider's, Art. 23(1)(b)).
     */
    public static java.util.Optional<String> notOffered(Classification.EuAiActRole role) {
        return switch (role) {
            case PROVIDER, PROVIDER_AND_DEPLOYER -> java.util.Optional.empty();
            case DEPLOYER ->
                java.util.Optional.of("The organisation deploys this system: its provider draws up the technical "
                        + "documentation (Art. 11); ask the provider for the instructions for use (Art. 13).");
            case IMPORTER ->
                java.util.Optional.of("The organisation imports this system: the provider draws up the technical "
                        + "documentation; the importer checks that it exists and keeps a copy (Art. 23).");
            case DISTRIBUTOR ->
                java.util.Optional.of("The organisation distributes this system: the provider draws up the technical "
                        + "documentation; the distributor checks the CE marking and instructions (Art. 24).");
            case AUTHORISED_REPRESENTATIVE ->
                java.util.Optional.of("The organisation is the provider's authorised representative: the provider "
                        + "draws up the technical documentation; the representative verifies it and keeps it at the "
                        + "authorities' disposal for ten years (Art. 22(3)).");
            case NONE ->
                java.util.Optional.of("The system's classification gives the organisation no provider role, so it "
                        + "draws up no technical documentation (Art. 11). Classify the system first.");
        };
    }

    /** Refuses, naming the role and why, unless the organisation provides the system. */
    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public AiSystem requireOffered(long systemId) {
        AiSystem system = systems.get(systemId);
        notOffered(system.details().euAiActRole()).ifPresent(why -> {
            throw new dev.aegis.shared.DomainRuleException("role", why);
        });
        return system;
    }

    /** Writes the PDF and records the export in the audit log; refused, naming the role, unless a provider's. */
    @PreAuthorize(IncidentService.READERS)
    @Transactional
    public void pdf(long systemId, OutputStream out) {
        AiSystem system = requireOffered(systemId);
        List<DocRow> rows = rows(systemId);
        String title = "Technical documentation (Annex IV)";
        reports.document(
                title,
                system.getName(),
                title + " · " + system.getName() + " · printed " + Dates.minute(clock.instant()),
                rows,
                out);
        events.publishEvent(new DocumentExported(systemId, "Technical documentation (Annex IV)", "PDF"));
    }

    private static String outcome(Result r) {
        return switch (r.outcome()) {
            case PASSED -> "Passed";
            case FAILED -> "Failed";
            case NO_DATA -> "No data";
        };
    }

    private static String orNot(String s) {
        return s == null || s.isBlank() ? NOT_RECORDED : s;
    }

    private static String join(String a, String b) {
        List<String> l = new ArrayList<>();
        if (a != null && !a.isBlank()) {
            l.add(a);
        }
        if (b != null && !b.isBlank() && !b.equals(a)) {
            l.add(b);
        }
        return l.isEmpty() ? NOT_RECORDED : String.join(", ", l);
    }
}
