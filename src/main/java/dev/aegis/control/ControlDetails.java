package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.ControlVocabulary.TestResult;
import dev.aegis.shared.validation.SensibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What a person states about a control. {@code requirements} maps requirement ids to how much of each the control
 * meets; {@code risks} are the ids of the risks it mitigates.
 */
public record ControlDetails(
        @NotBlank(message = "Give the control a title.")
        @Size(max = 300, message = "The title can be at most 300 characters.")
        String title,

        @Size(max = 8000, message = "The description can be at most 8,000 characters.")
        String description,

        @NotNull(message = "Choose the control type.") ControlType type,

        @Size(max = 100, message = "The owner's user name can be at most 100 characters.")
        String owner,

        @NotNull(message = "Choose the implementation status.")
        ImplementationStatus status,

        @Size(max = 4000, message = "The reason it does not apply can be at most 4,000 characters.")
        String notApplicableReason,

        @NotNull(message = "Choose how often the control is tested.")
        TestFrequency testFrequency,

        @SensibleDate("The date it was last tested") LocalDate lastTestedOn,
        TestResult lastTestResult,
        Map<Long, MappingStrength> requirements,
        Set<Long> risks) {

    public ControlDetails {
        requirements = requirements == null ? Map.of() : Map.copyOf(requirements);
        risks = risks == null ? Set.of() : Set.copyOf(risks);
    }

    public ControlDetails withRequirements(Map<Long, MappingStrength> mappings) {
        return new ControlDetails(
                title,
                description,
                type,
                owner,
                status,
                notApplicableReason,
                testFrequency,
                lastTestedOn,
                lastTestResult,
                mappings,
                risks);
    }
}
