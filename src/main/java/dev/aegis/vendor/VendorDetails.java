package dev.aegis.vendor;

import dev.aegis.shared.validation.SensibleDate;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a vendor manager states about a vendor, as one value: what forms and the API send, validated with Bean
 * Validation before the service applies it. Countries are ISO 3166-1 alpha-2 codes; systems are ids of the inventory's
 * AI systems that depend on the vendor. The risk score and tier are not stated: assessments and criticality set them.
 */
public record VendorDetails(
        @NotBlank(message = "Name the vendor.")
        @Size(max = 200, message = "The vendor's name can be at most 200 characters.")
        String name,

        @Size(max = 4000, message = "The services supplied can be at most 4,000 characters.")
        String services,

        Set<
                        @NotBlank(message = "Name each AI product.")
                        @Size(max = 200, message = "An AI product's name can be at most 200 characters.") String>
                aiProducts,
        List<@Valid Contact> contacts,

        @NotNull(message = "Choose how critical the vendor is.")
        Level criticality,

        Set<String> processingCountries,
        Set<String> storageCountries,
        Set<
                        @NotBlank(message = "Name each sub-processor.")
                        @Size(max = 200, message = "A sub-processor's name can be at most 200 characters.") String>
                subProcessors,

        @NotNull(message = "Choose the state of the data processing agreement.")
        DpaStatus dpaStatus,

        @SensibleDate("The date the agreement was signed") LocalDate dpaSignedOn,
        boolean meetsGdpr,
        boolean meetsCcpa,
        List<@Valid Certification> certifications,
        Set<Long> systems,

        @Size(max = 4000, message = "The notes can be at most 4,000 characters.")
        String notes) {}
