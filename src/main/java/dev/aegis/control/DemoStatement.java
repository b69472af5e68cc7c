package dev.aegis.control;

import dev.aegis.control.SoaService.Implementing;
import dev.aegis.control.SoaService.Line;
import dev.aegis.shared.Actors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the Statement of Applicability decided and issued once, as the demo governance
 * officer (its approver). Annex A controls that a library control implements are applicable "implemented through"
 * those controls; A.10.4 (customers) is excluded with the reason, as the organisation supplies no AI system to
 * customers; the rest are applicable and named as gaps to plan. Runs after the controls are adopted.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoStatement implements ApplicationRunner {

    static final String APPROVER = "demo-officer";
    private static final Logger log = LoggerFactory.getLogger(DemoStatement.class);

    private final SoaService soa;

    DemoStatement(SoaService soa) {
        this.soa = soa;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAs(APPROVER, "GOVERNANCE_OFFICER", () -> {
            if (!soa.versions().isEmpty()) {
                return;
            }
            for (Line line : soa.current()) {
                if (line.applicable() == null) {
                    decide(line);
                }
            }
            soa.issue("Demo: first statement after the AI management system's scoping workshop.");
            log.info("Demo mode: decided the Annex A controls and issued the Statement of Applicability");
        });
    }

    private void decide(Line line) {
        if (!line.controls().isEmpty()) {
            soa.decide(
                    line.requirementId(),
                    line.version(),
                    true,
                    "Applicable: implemented through "
                            + line.controls().stream()
                                    .map(Implementing::title)
                                    .limit(3)
                                    .collect(Collectors.joining("; "))
                            + (line.controls().size() > 3
                                    ? " and " + (line.controls().size() - 3) + " more."
                                    : "."));
        } else if (excluded(line)) {
            soa.decide(
                    line.requirementId(),
                    line.version(),
                    false,
                    "Not applicable: the organisation deploys AI "
                            + "systems for its own use and supplies none to customers or third parties.");
        } else {
            soa.decide(
                    line.requirementId(),
                    line.version(),
                    true,
                    "Applicable: the clinic's high-risk diagnosis "
                            + "assistant needs it; no control implements it yet (on the 2027 improvement plan).");
        }
    }

    /** A.10.4 (customers): about AI systems supplied to customers, which the demo organisation has none of. */
    private static boolean excluded(Line line) {
        return line.title().equalsIgnoreCase("Customers");
    }
}
