package dev.aegis.control;

import dev.aegis.shared.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: once the starter controls are applied ({@link DemoControls}), the demo officer decides every Annex A
 * control and issues version 1 of the Statement of Applicability, so the SoA screen and the evidence packs show an
 * issued statement in force. Nothing happens once a version was issued.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoStatement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStatement.class);
    private final SoaService soa;

    DemoStatement(SoaService soa) {
        this.soa = soa;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            issueOnce();
        } catch (RuntimeException e) {
            // demo content must never stop Aegis from starting
            log.warn("Demo mode: the Statement of Applicability was not issued: {}", e.getMessage());
        }
    }

    private void issueOnce() {
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            if (!soa.versions().isEmpty()) {
                return;
            }
            for (SoaService.Line line : soa.current()) {
                if (line.applicable() != null) {
                    continue;
                }
                String justification = line.controls().isEmpty()
                        ? "Applies to every AI system we run; no control implements it yet (planned)."
                        : "Applies to every AI system we run; implemented through " + line.controls().size()
                                + (line.controls().size() == 1 ? " control" : " controls") + " of our library.";
                soa.decide(line.requirementId(), line.version(), true, justification);
            }
            SoaService.Issued issued = soa.issue("Demo: first issue after the starter library was adopted");
            log.info("Demo mode: issued Statement of Applicability version {}", issued.number());
        });
    }
}
