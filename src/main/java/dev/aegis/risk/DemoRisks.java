package dev.aegis.risk;

import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.shared.Actors;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
 * Demo mode only (AEGIS_DEMO=true): risks that make the register and its heat maps meaningful, raised against the
 * demo AI systems through the service (audited as "system"), some assessed, treated or accepted.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoRisks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRisks.class);
    private final RiskService risks;
    private final AiSystemService systems;
    private final FrameworkCatalog catalog;

    DemoRisks(RiskService risks, AiSystemService systems, FrameworkCatalog catalog) {
        this.risks = risks;
        this.systems = systems;
        this.catalog = catalog;
    }

    private record Demo(
            String system,
            String title,
            String description,
            Category category,
            List<String> threats,
            int likelihood,
            int impact,
            Treatment treatment,
            Integer residualLikelihood,
            Integer residualImpact,
            boolean accept) {}

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAsSystem(
                Set.of(
                        AiSystemService.SYSTEM_READ,
                        RiskService.SYSTEM_READ,
                        RiskService.SYSTEM_SEED,
                        FrameworkCatalog.SYSTEM_READ),
                () -> {
                    int created = 0;
                    for (Demo d : demos()) {
                        Optional<AiSystem> system = system(d.system());
                        if (system.isEmpty()
                                || risks.count(new RiskService.Filter(
                                                d.title(),
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                system.get().getId()))
                                        > 0) {
                            continue;
                        }
                        raise(d, system.get());
                        created++;
                    }
                    if (created > 0) {
                        log.info("Demo mode: raised {} demo risks", created);
                    }
                });
    }

    private void raise(Demo d, AiSystem system) {
        Set<Long> threats = new HashSet<>();
        for (String ref : d.threats()) {
            String framework = ref.startsWith("AML.") ? "MITRE-ATLAS" : "OWASP-LLM-TOP10-2025";
            catalog.find(framework, ref).ifPresent(r -> threats.add(r.id()));
        }
        Risk risk = risks.identify(new RiskDetails(
                d.title(),
                d.description(),
                d.category(),
                Set.of(system.getId()),
                threats,
                Set.of(),
                d.likelihood(),
                d.impact(),
                "demo-owner",
                LocalDate.now().plusMonths(2)));
        if (d.treatment() == null) {
            return;
        }
        risk = risks.assess(risk.getId(), risk.getVersion(), d.likelihood(), d.impact());
        if (d.accept()) {
            risks.accept(
                    risk.getId(),
                    risk.getVersion(),
                    "Residual exposure is low and a human reviews every output",
                    LocalDate.now().plusMonths(6));
            return;
        }
        risks.treat(risk.getId(), risk.getVersion(), d.treatment(), d.residualLikelihood(), d.residualImpact());
    }

    private Optional<AiSystem> system(String name) {
        return systems.search(new AiSystemService.Filter(name, null, null, null, null), PageRequest.of(0, 1)).stream()
                .findFirst();
    }

    private static List<Demo> demos() {
        return List.of(
                new Demo(
                        "Clinic diagnosis assistant",
                        "Patient notes leak through prompt injection",
                        "Instructions hidden in a referral letter make the assistant reveal other patients' notes.",
                        Category.PRIVACY,
                        List.of("AML.T0051", "LLM01:2025", "LLM02:2025"),
                        4,
                        5,
                        Treatment.MITIGATE,
                        2,
                        4,
                        false),
                new Demo(
                        "Clinic diagnosis assistant",
                        "Confident but wrong diagnosis suggestions",
                        "Hallucinated differential diagnoses mislead a physician under time pressure.",
                        Category.SAFETY,
                        List.of("LLM09:2025"),
                        3,
                        5,
                        null,
                        null,
                        null,
                        false),
                new Demo(
                        "Clinic diagnosis assistant",
                        "Training data poisoning through research extract",
                        "A tampered research extract shifts suggestions for a patient group.",
                        Category.SECURITY,
                        List.of("AML.T0020", "LLM04:2025"),
                        2,
                        4,
                        Treatment.MITIGATE,
                        1,
                        3,
                        false),
                new Demo(
                        "Customer sentiment API",
                        "Lower accuracy for non-native speakers",
                        "Messages in simple English are scored more negative and routed to escalation more often.",
                        Category.FAIRNESS,
                        List.of(),
                        3,
                        3,
                        Treatment.MITIGATE,
                        2,
                        2,
                        false),
                new Demo(
                        "Customer sentiment API",
                        "Evasion with crafted messages",
                        "Abusive messages crafted to score neutral slip past routing.",
                        Category.SECURITY,
                        List.of("AML.T0015"),
                        2,
                        2,
                        Treatment.ACCEPT,
                        null,
                        null,
                        true),
                new Demo(
                        "Vendor LLM chatbot",
                        "Vendor trains on customer prompts",
                        "Prompts and answers are kept by the vendor and may be used for training.",
                        Category.THIRD_PARTY,
                        List.of("LLM03:2025", "LLM02:2025"),
                        3,
                        4,
                        null,
                        null,
                        null,
                        false),
                new Demo(
                        "Vendor LLM chatbot",
                        "Unbounded consumption drives cost",
                        "Automated clients flood the chatbot, and the vendor bills per token.",
                        Category.RELIABILITY,
                        List.of("LLM10:2025"),
                        3,
                        3,
                        null,
                        null,
                        null,
                        false));
    }
}
