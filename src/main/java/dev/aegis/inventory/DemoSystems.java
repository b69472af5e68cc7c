package dev.aegis.inventory;

import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.Classification.AffectedGroup;
import dev.aegis.inventory.Classification.Autonomy;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.shared.Actors;
import java.time.LocalDate;
import java.util.List;
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
 * Demo mode only (AEGIS_DEMO=true), never in versioned migrations: the three AI systems the screens are best shown
 * with — a clinic's diagnosis assistant reading notes full of PHI, a customer-facing sentiment API, and a chatbot on
 * a vendor-hosted LLM. Registered through the service, as "system", so they are audited like any other.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoSystems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSystems.class);
    private final AiSystemService service;
    private final ScopeService scope;

    DemoSystems(AiSystemService service, ScopeService scope) {
        this.service = service;
        this.scope = scope;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.runAsSystem(
                Set.of(AiSystemService.SYSTEM_READ, AiSystemService.SYSTEM_SEED, FrameworkCatalog.SYSTEM_READ), () -> {
                    int created = 0;
                    for (AiSystemDetails d : systems()) {
                        if (service.count(new AiSystemService.Filter(d.name(), null, null, null, null)) == 0) {
                            service.register(d);
                            created++;
                        }
                    }
                    if (created > 0) {
                        log.info("Demo mode: registered {} demo AI systems", created);
                    }
                });
        confirmScope();
    }

    /** The demo officer has gone through the proposed scope of each demo system and confirmed it. */
    private void confirmScope() {
        Actors.runAs("demo-officer", "GOVERNANCE_OFFICER", () -> {
            int confirmed = 0;
            for (AiSystemDetails d : systems()) {
                for (AiSystem system : service.search(
                        new AiSystemService.Filter(d.name(), null, null, null, null), PageRequest.of(0, 5))) {
                    if (system.getName().equals(d.name())) {
                        confirmed += scope.confirmAllProposed(system.getId());
                    }
                }
            }
            if (confirmed > 0) {
                log.info("Demo mode: confirmed {} proposed scope entries of the demo AI systems", confirmed);
            }
        });
    }

    static List<AiSystemDetails> systems() {
        LocalDate review = LocalDate.now().plusMonths(3);
        return List.of(
                new AiSystemDetails(
                        "Clinic diagnosis assistant",
                        "Suggests differential diagnoses from clinical notes and lab results",
                        "Decision support for physicians in the outpatient clinic; never a diagnosis on its own",
                        "demo-owner",
                        "demo-owner",
                        LifecycleStage.MONITORING,
                        Deployment.IN_HOUSE,
                        ModelType.GENERATIVE_LLM,
                        Set.of(DataCategory.PHI, DataCategory.PERSONAL_DATA),
                        Set.of(AffectedGroup.PATIENTS),
                        Autonomy.HUMAN_IN_THE_LOOP,
                        "A physician reviews and signs every suggestion before it enters the record",
                        EuAiActTier.HIGH,
                        EuAiActRole.DEPLOYER,
                        null,
                        Status.ACTIVE,
                        review,
                        "Clinic EHR notes 2019–2025 and a consented research extract",
                        "Treatment and care (GDPR Art. 9(2)(h)); research consent for the extract",
                        "Direct identifiers removed before indexing; notes older than 7 years excluded",
                        "Dependabot and Trivy on every build",
                        "Two reviewers per merge, notebooks reviewed too",
                        "Fine-tuning with DP-SGD (Opacus), epsilon 8",
                        "Training data access logged to the SIEM",
                        "Non-root containers, OAuth2 on the endpoint, rate limited",
                        "PSI per input feature, daily",
                        "Prompt-injection canaries and output filters monitored",
                        null,
                        null,
                        null),
                new AiSystemDetails(
                        "Customer sentiment API",
                        "Scores the sentiment of customer messages to route complaints",
                        "Routing and trend dashboards; no automated decision about a customer",
                        "demo-owner",
                        "demo-officer",
                        LifecycleStage.DEPLOYMENT,
                        Deployment.IN_HOUSE,
                        ModelType.CLASSIFIER,
                        Set.of(DataCategory.PERSONAL_DATA),
                        Set.of(AffectedGroup.CUSTOMERS),
                        Autonomy.AUTONOMOUS,
                        "Agents can override the routing",
                        EuAiActTier.LIMITED,
                        EuAiActRole.PROVIDER,
                        null,
                        Status.ACTIVE,
                        review,
                        "Support tickets 2024, sampled",
                        "Legitimate interest, assessed",
                        "Messages truncated to 2,000 characters; names masked",
                        "Dependabot",
                        "One reviewer per merge",
                        null,
                        null,
                        "Rate limited public endpoint",
                        "Drift (PSI) and fairness by language group",
                        null,
                        null,
                        null,
                        null),
                new AiSystemDetails(
                        "Vendor LLM chatbot",
                        "Answers customer questions on the website using a vendor-hosted LLM",
                        "First-line help; hands over to a person on request or low confidence",
                        "demo-officer",
                        "demo-owner",
                        LifecycleStage.DEVELOPMENT,
                        Deployment.VENDOR_API,
                        ModelType.GENERATIVE_LLM,
                        Set.of(DataCategory.PERSONAL_DATA),
                        Set.of(AffectedGroup.CUSTOMERS, AffectedGroup.PUBLIC),
                        Autonomy.HUMAN_ON_THE_LOOP,
                        "Transcripts sampled weekly by the support lead",
                        EuAiActTier.LIMITED,
                        EuAiActRole.DEPLOYER,
                        "Acme LLM Cloud",
                        Status.PLANNED,
                        review,
                        "Vendor model; our FAQ as retrieval corpus",
                        "Contract with the customer",
                        "Prompts stripped of account numbers before they leave",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }
}
