package dev.aegis.evidence;

import dev.aegis.control.ControlService;
import dev.aegis.control.ControlService.Applied;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the clinic diagnosis assistant's evidence — its impact assessment as a file
 * (uploaded by the system owner, signed off by the governance officer) and its model card as a link. Its telemetry
 * record is filed by the telemetry loop itself (the demo's drift history). Once only.
 */
@Component
@Order(55)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoEvidence implements ApplicationRunner {

    static final String CLINIC = "Clinic diagnosis assistant";
    static final String IMPACT_ASSESSMENT = "Clinic diagnosis assistant — AI system impact assessment";
    private static final Logger log = LoggerFactory.getLogger(DemoEvidence.class);

    private final EvidenceService evidence;
    private final AiSystemService systems;
    private final ControlService controls;
    private final Clock clock;

    DemoEvidence(EvidenceService evidence, AiSystemService systems, ControlService controls, Clock clock) {
        this.evidence = evidence;
        this.systems = systems;
        this.controls = controls;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAs("demo-owner", "SYSTEM_OWNER", () -> {
            AiSystem clinic =
                    systems
                            .search(new AiSystemService.Filter(CLINIC, null, null, null, null), PageRequest.of(0, 5))
                            .stream()
                            .filter(s -> s.getName().equals(CLINIC))
                            .findFirst()
                            .orElse(null);
            if (clinic == null
                    || evidence.count(
                                    new EvidenceService.Filter(IMPACT_ASSESSMENT, EvidenceKind.FILE, null, null, false))
                            > 0) {
                return;
            }
            LocalDate today = LocalDate.now(clock);
            EvidenceItem assessment = evidence.addFile(
                    new EvidenceDetails(
                            IMPACT_ASSESSMENT,
                            "The impact assessment done before the assistant went live, repeated after the move to the new "
                                    + "model version: patients and physicians affected, foreseeable misuse, legal basis.",
                            "demo-owner",
                            today.minusDays(40),
                            today.minusDays(40),
                            today.plusMonths(11),
                            today.plusYears(1),
                            controls(clinic, "impact"),
                            Set.of(),
                            Set.of(clinic.getId())),
                    "clinic-assistant-impact-assessment.txt",
                    new ByteArrayInputStream(IMPACT_ASSESSMENT_TEXT.getBytes(StandardCharsets.UTF_8)));
            evidence.addLink(
                    new EvidenceDetails(
                            "Clinic diagnosis assistant — model card",
                            "Intended use, training data, evaluation and known limits of the deployed model version.",
                            "demo-owner",
                            today.minusDays(12),
                            today.minusDays(12),
                            null,
                            today.plusMonths(6),
                            controls(clinic, "model card"),
                            Set.of(),
                            Set.of(clinic.getId())),
                    "https://wiki.example.org/clinic/diagnosis-assistant/model-card");
            Actors.runAs(
                    "demo-officer",
                    "GOVERNANCE_OFFICER",
                    () -> evidence.review(
                            assessment.getId(), evidence.get(assessment.getId()).getVersion()));
            log.info("Demo mode: filed the clinic diagnosis assistant's impact assessment and model card");
        });
    }

    private Set<Long> controls(AiSystem system, String titleWords) {
        return controls.appliedTo(system.getId()).stream()
                .filter(a -> a.controlTitle().toLowerCase().contains(titleWords))
                .map(Applied::controlId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private static final String IMPACT_ASSESSMENT_TEXT = """
            AI system impact assessment — Clinic diagnosis assistant (demo)

            Affected: outpatient clinic patients (PHI in clinical notes), physicians using the suggestions.
            Purpose: differential diagnosis suggestions; a physician confirms every suggestion.
            Foreseeable misuse: suggestions taken as diagnoses; prompt injection through pasted notes.
            Legal basis: treatment and care (GDPR Art. 9(2)(h)); EU AI Act high-risk (Annex III), deployer.
            Measures: human in the loop, drift and latency monitoring, prompt-injection canaries, DP-SGD training.
            Outcome: acceptable with the measures above; reassess on every model change.
            """;
}
