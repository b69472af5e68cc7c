package dev.aegis.aims;

import dev.aegis.aims.AimsDocumentService.SystemRef;
import dev.aegis.aims.ImpactAssessmentService.Details;
import dev.aegis.aims.ImpactAssessmentService.Impact;
import dev.aegis.aims.ImpactAssessmentService.ImpactAssessmentView;
import dev.aegis.aims.ImpactAssessmentService.ImpactRiskRef;
import dev.aegis.aims.ImpactVocabulary.Affected;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the impact assessment of the clinic diagnosis assistant (the corrective action of
 * NC-001), drafted by the demo officer with five impacts — three carried by the clinic's risks, one high impact on
 * patients writing in other languages that no risk carries yet (so the flag shows) — and approved by the demo
 * administrator. Runs once, after the risks and the nonconformity exist.
 */
@Component
@Order(69)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoImpactAssessment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoImpactAssessment.class);
    private final ImpactAssessmentService assessments;
    private final Clock clock;

    DemoImpactAssessment(ImpactAssessmentService assessments, Clock clock) {
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ImpactAssessmentView[] drafted = {null};
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Actors.runAs(DemoAims.AUTHOR, "GOVERNANCE_OFFICER", () -> {
            if (!assessments.list().isEmpty()) {
                return;
            }
            SystemRef clinic = assessments.systemChoices().stream()
                    .filter(s -> s.name().toLowerCase(Locale.ROOT).contains("diagnos"))
                    .findFirst()
                    .orElse(null);
            if (clinic == null) {
                return;
            }
            List<ImpactRiskRef> risks = assessments.riskChoices(clinic.id());
            drafted[0] = assessments.start(
                    clinic.id(),
                    DemoAims.AUTHOR,
                    10,
                    new Details(
                            "Suggests differential diagnoses and sorts incoming patient messages by urgency for the "
                                    + "clinic's physicians, from the patient's notes and messages. A physician reads "
                                    + "every suggestion and decides; the assistant never answers patients itself.",
                            "Physicians accepting suggestions unread under time pressure; staff pasting notes of "
                                    + "patients outside the pilot; using the urgency sort to refuse appointments.",
                            "Patients (including children and patients writing in other languages), the clinic's "
                                    + "physicians and nurses, the data protection officer, the health insurer, the "
                                    + "model's vendor.",
                            List.of(
                                    new Impact(
                                            Affected.INDIVIDUALS,
                                            "A wrong but confident suggestion delays the right diagnosis and treatment.",
                                            3,
                                            5,
                                            ids(risks, "wrong diagnosis")),
                                    new Impact(
                                            Affected.INDIVIDUALS,
                                            "Another patient's notes are disclosed through an injected instruction.",
                                            2,
                                            5,
                                            ids(risks, "leak")),
                                    new Impact(
                                            Affected.GROUPS,
                                            "Messages written in other languages are sorted as less urgent, so those "
                                                    + "patients wait longer.",
                                            3,
                                            4,
                                            Set.of()),
                                    new Impact(
                                            Affected.GROUPS,
                                            "A tampered research extract shifts suggestions for one patient group.",
                                            2,
                                            4,
                                            ids(risks, "poisoning")),
                                    new Impact(
                                            Affected.SOCIETY,
                                            "Reliance on suggestions erodes physicians' own diagnostic practice.",
                                            2,
                                            3,
                                            Set.of())),
                            "A physician confirms every suggestion; prompt-injection filtering and the monitor's "
                                    + "drift test (PSI below 0.1); the pilot limited to two physicians; a fairness test "
                                    + "per language planned; yearly training on the assistant's limits.",
                            "Low for individuals while a physician confirms every suggestion; the language gap stays "
                                    + "medium until the fairness test runs.",
                            today.plusMonths(6),
                            "First assessment, after NC-001"));
        });
        if (drafted[0] == null) {
            return;
        }
        Actors.runAs(
                DemoAims.APPROVER,
                "ADMIN",
                () -> assessments.approve(drafted[0].id(), drafted[0].version(), today.minusDays(3)));
        log.info("Demo mode: assessed the impacts of the clinic diagnosis assistant ({})", drafted[0].reference());
    }

    private static Set<Long> ids(List<ImpactRiskRef> risks, String word) {
        return risks.stream()
                .filter(r ->
                        r.title() != null && r.title().toLowerCase(Locale.ROOT).contains(word))
                .map(ImpactRiskRef::id)
                .collect(Collectors.toSet());
    }
}
