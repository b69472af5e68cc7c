package dev.aegis.euaiact;

import dev.aegis.euaiact.Answers.ActRole;
import dev.aegis.euaiact.Answers.Gpai;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.ScopeService;
import dev.aegis.shared.Actors;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only (AEGIS_DEMO=true): the demo officer classifies the clinic's diagnosis assistant under the EU AI Act —
 * medical-device software under Annex I (Regulation (EU) 2017/745, assessed by a notified body), so high-risk through
 * Art. 6(1), used by the clinic as deployer. Runs once, after the AI systems exist; the officer confirms the articles it brings into the system's scope.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoClassification implements ApplicationRunner {

    static final String SYSTEM = "Clinic diagnosis assistant";
    private static final Logger log = LoggerFactory.getLogger(DemoClassification.class);
    private final ClassificationService classifications;
    private final AiSystemService systems;
    private final ScopeService scope;

    DemoClassification(ClassificationService classifications, AiSystemService systems, ScopeService scope) {
        this.classifications = classifications;
        this.systems = systems;
        this.scope = scope;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            List<Long> ids = systems.idsByName(List.of(SYSTEM))
                    .getOrDefault(SYSTEM.toLowerCase(java.util.Locale.ROOT), List.of()); // keyed by the lower-case name
            if (ids.size() != 1
                    || classifications.standing(ids.getFirst()).current().isPresent()) {
                return;
            }
            classifications.submit(
                    ids.getFirst(),
                    new Answers(
                            true,
                            Set.of(),
                            true,
                            Set.of(),
                            false,
                            Set.of(),
                            null,
                            Set.of(),
                            Gpai.NONE,
                            Set.of(ActRole.DEPLOYER),
                            true));
            // the demo officer also confirms the articles the classification brought into the system's scope, as
            // the demo's scope is confirmed throughout
            int confirmed = scope.confirmAllProposed(ids.getFirst());
            log.info("Demo: {} classified under the EU AI Act ({} articles confirmed in its scope)", SYSTEM, confirmed);
        });
    }
}
