package dev.aegis.aims;

import dev.aegis.aims.CompetenceService.Details;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the demo officer records the AIMS role holders' trainings and attestations — all
 * current, the system owner's awareness training expiring within the month (so the reminder goes out) — and the vendor
 * manager's lapsed one. Runs once, after the AIMS roles are named.
 */
@Component
@Order(67)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoCompetence implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCompetence.class);
    private final CompetenceService competence;
    private final Clock clock;

    DemoCompetence(CompetenceService competence, Clock clock) {
        this.competence = competence;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAs(DemoAims.AUTHOR, "GOVERNANCE_OFFICER", () -> {
            if (!competence.list().isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            String awareness = "AI awareness and the AI policy";
            competence.record(new Details(
                    "demo-admin",
                    CompetenceKind.TRAINING,
                    awareness,
                    "Internal e-learning",
                    today.minusMonths(2),
                    today.minusMonths(2).plusYears(1),
                    null));
            competence.record(new Details(
                    "demo-officer",
                    CompetenceKind.CERTIFICATION,
                    "ISO/IEC 42001 Lead Implementer",
                    "Accredited training provider",
                    today.minusMonths(8),
                    today.minusMonths(8).plusYears(3),
                    "Certificate no. LI-42001-0815"));
            competence.record(new Details(
                    "demo-auditor",
                    CompetenceKind.CERTIFICATION,
                    "ISO/IEC 42001 Lead Auditor",
                    "Accredited training provider",
                    today.minusMonths(5),
                    today.minusMonths(5).plusYears(3),
                    null));
            competence.record(new Details(
                    "demo-owner",
                    CompetenceKind.TRAINING,
                    awareness,
                    "Internal e-learning",
                    today.minusYears(1).plusDays(20),
                    today.plusDays(20),
                    null));
            competence.record(new Details(
                    "demo-owner",
                    CompetenceKind.ATTESTATION,
                    "Human oversight of the diagnosis assistant",
                    null,
                    today.minusMonths(1),
                    null,
                    "Signed attestation of the clinical oversight procedure"));
            competence.record(new Details(
                    "demo-vendor-manager",
                    CompetenceKind.TRAINING,
                    awareness,
                    "Internal e-learning",
                    today.minusYears(1).minusDays(40),
                    today.minusDays(40),
                    null));
        });
        log.info("Demo mode: recorded the AIMS role holders' trainings and attestations");
    }
}
