package dev.aegis.inventory;

import dev.aegis.inventory.Classification.AffectedGroup;
import dev.aegis.inventory.Classification.Autonomy;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.Classification.Status;
import java.time.LocalDate;
import java.util.Set;

/** AI systems for tests. */
public final class AiSystemFixtures {

    private AiSystemFixtures() {}

    /** The clinic's diagnosis assistant: reads patient notes (PHI), high risk under the EU AI Act. */
    public static AiSystemDetails diagnosisAssistant(String name, String owner) {
        return new AiSystemDetails(
                name,
                "Suggests diagnoses from clinical notes",
                "Decision support for physicians",
                owner,
                owner,
                LifecycleStage.DEPLOYMENT,
                Deployment.IN_HOUSE,
                ModelType.GENERATIVE_LLM,
                Set.of(DataCategory.PHI, DataCategory.PERSONAL_DATA),
                Set.of(AffectedGroup.PATIENTS),
                Autonomy.HUMAN_IN_THE_LOOP,
                "A physician confirms every suggestion",
                EuAiActTier.HIGH,
                EuAiActRole.DEPLOYER,
                null,
                Status.ACTIVE,
                LocalDate.now().plusMonths(3),
                "Hospital EHR, consented research set",
                "Treatment (GDPR Art. 9(2)(h))",
                "Notes stripped of direct identifiers",
                "Dependabot and Trivy",
                "Two reviewers per merge",
                "DP-SGD with Opacus, epsilon 8",
                "Training access logged to SIEM",
                "Non-root containers, OAuth",
                "PSI per feature daily",
                "Prompt-injection canaries",
                null,
                null,
                null);
    }

    public static AiSystemDetails retired(AiSystemDetails d, boolean withDeletionRecord) {
        return new AiSystemDetails(
                d.name(),
                d.purpose(),
                d.intendedUse(),
                d.businessOwner(),
                d.technicalOwner(),
                LifecycleStage.RETIREMENT,
                d.deployment(),
                d.modelType(),
                d.dataCategories(),
                d.peopleAffected(),
                d.autonomy(),
                d.humanOversight(),
                d.euAiActTier(),
                d.euAiActRole(),
                d.vendorName(),
                Status.RETIRED,
                d.nextReview(),
                d.dataProvenance(),
                d.consentBasis(),
                d.dataMinimisation(),
                d.dependencyScanning(),
                d.codeReview(),
                d.privacyPreservingTraining(),
                d.trainingAccessLogging(),
                d.servingHardening(),
                d.driftMonitoring(),
                d.adversarialMonitoring(),
                withDeletionRecord ? LocalDate.now() : null,
                withDeletionRecord ? "Crypto-shredded keys; buckets purged" : null,
                withDeletionRecord ? "dpo" : null);
    }

    public static AiSystemDetails renamed(AiSystemDetails d, String name) {
        return new AiSystemDetails(
                name,
                d.purpose(),
                d.intendedUse(),
                d.businessOwner(),
                d.technicalOwner(),
                d.lifecycleStage(),
                d.deployment(),
                d.modelType(),
                d.dataCategories(),
                d.peopleAffected(),
                d.autonomy(),
                d.humanOversight(),
                d.euAiActTier(),
                d.euAiActRole(),
                d.vendorName(),
                d.status(),
                d.nextReview(),
                d.dataProvenance(),
                d.consentBasis(),
                d.dataMinimisation(),
                d.dependencyScanning(),
                d.codeReview(),
                d.privacyPreservingTraining(),
                d.trainingAccessLogging(),
                d.servingHardening(),
                d.driftMonitoring(),
                d.adversarialMonitoring(),
                d.deletionDate(),
                d.deletionMethod(),
                d.deletionSignedOffBy());
    }

    /** The same system, classified differently (what the scope rules read). */
    public static AiSystemDetails classified(
            AiSystemDetails d,
            ModelType modelType,
            Deployment deployment,
            EuAiActTier tier,
            DataCategory... categories) {
        return new AiSystemDetails(
                d.name(),
                d.purpose(),
                d.intendedUse(),
                d.businessOwner(),
                d.technicalOwner(),
                d.lifecycleStage(),
                deployment,
                modelType,
                Set.of(categories),
                d.peopleAffected(),
                d.autonomy(),
                d.humanOversight(),
                tier,
                d.euAiActRole(),
                deployment == Deployment.IN_HOUSE ? null : "Vendor Inc.",
                d.status(),
                d.nextReview(),
                d.dataProvenance(),
                d.consentBasis(),
                d.dataMinimisation(),
                d.dependencyScanning(),
                d.codeReview(),
                d.privacyPreservingTraining(),
                d.trainingAccessLogging(),
                d.servingHardening(),
                d.driftMonitoring(),
                d.adversarialMonitoring(),
                d.deletionDate(),
                d.deletionMethod(),
                d.deletionSignedOffBy());
    }
}
