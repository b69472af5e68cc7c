package dev.aegis.vendor;

import dev.aegis.shared.validation.SensibleDate;
import dev.aegis.vendor.VendorVocabulary.CertificationType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** A certification the vendor holds, valid until its expiry date. */
@Embeddable
public record Certification(
        @NotNull(message = "Choose the certification.") @Enumerated(EnumType.STRING)
        CertificationType kind,

        @NotNull(message = "Give the expiry date of the certificate.")
        @SensibleDate("The expiry date")
        @Column(name = "expires_on")
        LocalDate expiresOn) {}
