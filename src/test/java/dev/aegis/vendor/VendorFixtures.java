package dev.aegis.vendor;

import dev.aegis.vendor.VendorVocabulary.CertificationType;
import dev.aegis.vendor.VendorVocabulary.DpaStatus;
import dev.aegis.vendor.VendorVocabulary.Level;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Vendors for tests. */
public final class VendorFixtures {

    private VendorFixtures() {}

    /** An LLM provider hosting in the EU and the US, with a signed agreement and an ISO 27001 certificate. */
    public static VendorDetails llmProvider(String name, Set<Long> systems) {
        return new VendorDetails(
                name,
                "Hosted large language model API",
                Set.of("Chat completions", "Embeddings"),
                List.of(new Contact("Dana Reyes", "dana@llm.example", null, "Account manager")),
                Level.HIGH,
                Set.of("IE", "US"),
                Set.of("IE"),
                Set.of("Cloud hosting provider"),
                DpaStatus.SIGNED,
                LocalDate.now().minusMonths(2),
                true,
                false,
                List.of(new Certification(
                        CertificationType.ISO_27001, LocalDate.now().plusMonths(8))),
                systems,
                null);
    }

    public static VendorDetails renamed(VendorDetails d, String name) {
        return new VendorDetails(
                name,
                d.services(),
                d.aiProducts(),
                d.contacts(),
                d.criticality(),
                d.processingCountries(),
                d.storageCountries(),
                d.subProcessors(),
                d.dpaStatus(),
                d.dpaSignedOn(),
                d.meetsGdpr(),
                d.meetsCcpa(),
                d.certifications(),
                d.systems(),
                d.notes());
    }

    public static VendorDetails withDpa(VendorDetails d, DpaStatus status, LocalDate signedOn) {
        return new VendorDetails(
                d.name(),
                d.services(),
                d.aiProducts(),
                d.contacts(),
                d.criticality(),
                d.processingCountries(),
                d.storageCountries(),
                d.subProcessors(),
                status,
                signedOn,
                d.meetsGdpr(),
                d.meetsCcpa(),
                d.certifications(),
                d.systems(),
                d.notes());
    }
}
