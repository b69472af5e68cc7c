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
import dev.aegis.shared.validation.SensibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/**
 * Everything a person states about an AI system, as one value: what forms and the API send, validated with Bean
 * Validation before the service applies it.
 */
public record AiSystemDetails(
        @NotBlank(message = "Name the system.") @Size(max = 200, message = "The name can be at most 200 characters.")
        String name,

        @NotBlank(message = "Say what the system is for.")
        @Size(max = 4000, message = "The purpose can be at most 4,000 characters.")
        String purpose,

        @Size(max = 4000, message = "The intended use can be at most 4,000 characters.")
        String intendedUse,

        @Size(max = 100, message = "The business owner's user name can be at most 100 characters.")
        String businessOwner,

        @Size(max = 100, message = "The technical owner's user name can be at most 100 characters.")
        String technicalOwner,

        @NotNull(message = "Choose the life-cycle stage.") LifecycleStage lifecycleStage,

        @NotNull(message = "Choose how the system is deployed.")
        Deployment deployment,

        @NotNull(message = "Choose the model type.") ModelType modelType,
        Set<DataCategory> dataCategories,
        Set<AffectedGroup> peopleAffected,
        @NotNull(message = "Choose the level of autonomy.") Autonomy autonomy,

        @Size(max = 4000, message = "The human oversight can be at most 4,000 characters.")
        String humanOversight,

        @NotNull(message = "Choose the EU AI Act risk tier (or unassessed).")
        EuAiActTier euAiActTier,

        @NotNull(message = "Choose the EU AI Act role.") EuAiActRole euAiActRole,

        @Size(max = 200, message = "The vendor's name can be at most 200 characters.")
        String vendorName,

        @NotNull(message = "Choose the status.") Status status,
        @SensibleDate("The next review") LocalDate nextReview,

        @Size(max = 4000, message = "The data provenance can be at most 4,000 characters.")
        String dataProvenance,

        @Size(max = 4000, message = "The consent or legal basis can be at most 4,000 characters.")
        String consentBasis,

        @Size(max = 4000, message = "The data minimisation can be at most 4,000 characters.")
        String dataMinimisation,

        @Size(max = 4000, message = "The dependency scanning can be at most 4,000 characters.")
        String dependencyScanning,

        @Size(max = 4000, message = "The code and notebook review can be at most 4,000 characters.")
        String codeReview,

        @Size(max = 4000, message = "The privacy-preserving training can be at most 4,000 characters.")
        String privacyPreservingTraining,

        @Size(max = 4000, message = "The training access logging can be at most 4,000 characters.")
        String trainingAccessLogging,

        @Size(max = 4000, message = "The serving hardening can be at most 4,000 characters.")
        String servingHardening,

        @Size(max = 4000, message = "The drift monitoring can be at most 4,000 characters.")
        String driftMonitoring,

        @Size(max = 4000, message = "The adversarial monitoring can be at most 4,000 characters.")
        String adversarialMonitoring,

        @SensibleDate("The deletion date") LocalDate deletionDate,

        @Size(max = 4000, message = "The deletion method can be at most 4,000 characters.")
        String deletionMethod,

        @Size(max = 100, message = "Who signed off the deletion can be at most 100 characters.")
        String deletionSignedOffBy) {

    /** Whether the secure-deletion record is complete: date, method and who signed it off. */
    public boolean hasDeletionRecord() {
        return deletionDate != null
                && deletionMethod != null
                && !deletionMethod.isBlank()
                && deletionSignedOffBy != null
                && !deletionSignedOffBy.isBlank();
    }
}
