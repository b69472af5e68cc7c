package dev.aegis.evidence;

import dev.aegis.shared.validation.SensibleDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;

/**
 * What people say about an evidence item: its title and description, its owner (a user name; the one warned when it
 * expires), the dates of its current version — collected on, the period it covers (effective from/to, not the upload
 * date), its expiry — and the controls, framework requirements and AI systems it serves.
 */
public record EvidenceDetails(
        @NotBlank(message = "Give the evidence a title.")
        @Size(max = 300, message = "The title can be at most 300 characters.")
        String title,

        @Size(max = 20000, message = "The description can be at most 20,000 characters.")
        String description,

        @NotBlank(message = "Name the owner (a user name).")
        @Size(max = 100, message = "The owner's user name can be at most 100 characters.")
        String owner,

        @SensibleDate("The collection date") LocalDate collectedOn,
        @SensibleDate("The start of the period covered") LocalDate effectiveFrom,
        @SensibleDate("The end of the period covered") LocalDate effectiveTo,
        @SensibleDate("The expiry date") LocalDate expiresOn,
        Set<Long> controlIds,
        Set<Long> requirementIds,
        Set<Long> systemIds) {

    public EvidenceDetails {
        controlIds = controlIds == null ? Set.of() : Set.copyOf(controlIds);
        requirementIds = requirementIds == null ? Set.of() : Set.copyOf(requirementIds);
        systemIds = systemIds == null ? Set.of() : Set.copyOf(systemIds);
    }

    public Dates dates() {
        return new Dates(collectedOn, effectiveFrom, effectiveTo, expiresOn);
    }

    /** The same details with other links. */
    public EvidenceDetails withLinks(Set<Long> controls, Set<Long> requirements, Set<Long> systems) {
        return new EvidenceDetails(
                title,
                description,
                owner,
                collectedOn,
                effectiveFrom,
                effectiveTo,
                expiresOn,
                controls,
                requirements,
                systems);
    }

    /**
     * The dates of one version: when it was collected, the period it covers and when it stops counting. Each new
     * version brings its own (a new pen-test report covers a new period).
     */
    public record Dates(LocalDate collectedOn, LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate expiresOn) {
        public static Dates none() {
            return new Dates(null, null, null, null);
        }
    }
}
