package dev.aegis.vendor;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Vendors extends JpaRepository<Vendor, Long>, JpaSpecificationExecutor<Vendor> {

    @Query("select v.id from Vendor v where lower(v.name) = lower(?1)")
    Optional<Long> idByName(String name);
}
