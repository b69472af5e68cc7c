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
        @NotBlank(message = "Name the system.") @Size(max = 200) String name,
        @NotBlank(message = "Say what the system is for.") @Size(max = 4000) String purpose,
        @Size(max = 4000) String intendedUse,
        @Size(max = 100) String businessOwner,
        @Size(max = 100) String technicalOwner,
        @NotNull(message = "Choose the life-cycle stage.") LifecycleStage lifecycleStage,
        @NotNull(message = "Choose how the system is deployed.") Deployment deployment,
        @NotNull(message = "Choose the model type.") ModelType modelType,
        Set<DataCategory> dataCategories,
        Set<AffectedGroup> peopleAffected,
        @NotNull(message = "Choose the level of autonomy.") Autonomy autonomy,
        @Size(max = 4000) String humanOversight,
        @NotNull(message = "Choose the EU AI Act risk tier (or unassessed).") EuAiActTier euAiActTier,
        @NotNull(message = "Choose the EU AI Act role.") EuAiActRole euAiActRole,
        @Size(max = 200) String vendorName,
        @NotNull(message = "Choose the status.") Status status,
        LocalDate nextReview,
        @Size(max = 4000) String dataProvenance,
        @Size(max = 4000) String consentBasis,
        @Size(max = 4000) String dataMinimisation,
        @Size(max = 4000) String dependencyScanning,
        @Size(max = 4000) String codeReview,
        @Size(max = 4000) String privacyPreservingTraining,
        @Size(max = 4000) String trainingAccessLogging,
        @Size(max = 4000) String servingHardening,
        @Size(max = 4000) String driftMonitoring,
        @Size(max = 4000) String adversarialMonitoring,
        LocalDate deletionDate,
        @Size(max = 4000) String deletionMethod,
        @Size(max = 100) String deletionSignedOffBy) {

    /** Whether the secure-deletion record is complete: date, method and who signed it off. */
    public boolean hasDeletionRecord() {
        return deletionDate != null && deletionMethod != null && !deletionMethod.isBlank() && deletionSignedOffBy != null
                && !deletionSignedOffBy.isBlank();
    }
}
