package dev.aegis.aims;

import dev.aegis.aims.ObjectiveService.Details;
import dev.aegis.aims.ObjectiveService.ObjectiveView;
import dev.aegis.aims.ObjectiveVocabulary.Direction;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
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
 * Demo mode only (AEGIS_DEMO=true): the demo officer sets the AIMS objectives — one per indicator Aegis computes, and
 * one measured by hand with half a year of monthly values — and records the computed ones now. Runs once, after the
 * registers and the AI policy exist.
 */
@Component
@Order(66)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoObjectives implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoObjectives.class);
    private final ObjectiveService objectives;
    private final Clock clock;

    DemoObjectives(ObjectiveService objectives, Clock clock) {
        this.objectives = objectives;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAs(DemoAims.AUTHOR, "GOVERNANCE_OFFICER", () -> {
            if (!objectives.list().isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            LocalDate quarter = today.plusMonths(3).withDayOfMonth(1).minusDays(1);
            objectives.set(new Details(
                    "Treat every high and critical AI risk",
                    "Each risk assessed high or critical gets a treatment plan, an acceptance by its owner or is closed"
                            + " within the quarter.",
                    "demo-officer",
                    Indicator.HIGH_RISKS_TREATED,
                    null,
                    Direction.AT_LEAST,
                    90.0,
                    quarter));
            objectives.set(new Details(
                    "Implement the controls that apply",
                    "Controls adopted in the Statement of Applicability are implemented, not only planned.",
                    "demo-officer",
                    Indicator.CONTROLS_IMPLEMENTED,
                    null,
                    Direction.AT_LEAST,
                    80.0,
                    today.plusMonths(6)));
            objectives.set(new Details(
                    "Models in production pass their monitoring tests",
                    null,
                    "demo-owner",
                    Indicator.TELEMETRY_TESTS_PASSING,
                    null,
                    Direction.AT_LEAST,
                    95.0,
                    null));
            objectives.set(new Details(
                    "Keep every vendor assessment current",
                    null,
                    "demo-vendor-manager",
                    Indicator.VENDOR_ASSESSMENTS_CURRENT,
                    null,
                    Direction.AT_LEAST,
                    100.0,
                    null));
            objectives.set(new Details(
                    "Everyone knows the AI policy",
                    "Every person in the user directory acknowledges the AI policy version in force.",
                    "demo-admin",
                    Indicator.POLICY_ACKNOWLEDGED,
                    null,
                    Direction.AT_LEAST,
                    100.0,
                    quarter));
            ObjectiveView incidents = objectives.set(new Details(
                    "Answer AI incidents quickly",
                    "The median time from an AI incident report to its first containment action, from the incident"
                            + " desk's monthly report.",
                    "demo-officer",
                    Indicator.MANUAL,
                    "days",
                    Direction.AT_MOST,
                    2.0,
                    today.plusMonths(3)));
            double[] median = {5, 4.5, 4, 3, 3, 2.5};
            for (int i = 0; i < median.length; i++) {
                objectives.recordByHand(
                        incidents.id(),
                        today.minusMonths(median.length - 1 - i),
                        median[i],
                        "Incident desk monthly report");
            }
            objectives.recordAllNow();
        });
        log.info("Demo mode: set the AIMS objectives and recorded their indicators");
    }
}
