package dev.aegis.risk;

import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.shared.validation.SensibleDate;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a person states about a risk, as one value: what forms and the API send, validated with Bean Validation before
 * the service applies it. Systems, threats and requirements are ids of other modules' objects. The workflow (assessment,
 * treatment, acceptance) is not part of it: those are steps of their own.
 */
public record RiskDetails(
        @NotBlank(message = "Name the risk.") @Size(max = 200, message = "The title can be at most 200 characters.")
        String title,

        @Size(max = 4000, message = "The description can be at most 4,000 characters.")
        String description,

        @NotNull(message = "Choose the category.") Category category,

        @NotEmpty(message = "Choose the AI systems the risk belongs to.")
        Set<Long> systems,

        Set<Long> threats,
        Set<Long> requirements,

        @NotNull(message = "Rate the likelihood from 1 to 5.")
        @Min(value = 1, message = "Rate the likelihood from 1 to 5.")
        @Max(value = 5, message = "Rate the likelihood from 1 to 5.")
        Integer inherentLikelihood,

        @NotNull(message = "Rate the impact from 1 to 5.")
        @Min(value = 1, message = "Rate the impact from 1 to 5.")
        @Max(value = 5, message = "Rate the impact from 1 to 5.")
        Integer inherentImpact,

        @Size(max = 100, message = "The owner's user name can be at most 100 characters.")
        String owner,

        @SensibleDate("The due date") LocalDate dueDate) {}
