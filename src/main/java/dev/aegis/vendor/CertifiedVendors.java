package dev.aegis.vendor;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Vendors by their certificates' expiry dates. */
interface CertifiedVendors extends Repository<Vendor, Long> {

    @Query("select distinct v from Vendor v join v.certifications c where c.expiresOn <= :day")
    List<Vendor> withCertificatesExpiringBy(LocalDate day);
}
