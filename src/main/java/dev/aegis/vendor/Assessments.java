package dev.aegis.vendor;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Assessments extends JpaRepository<Assessment, Long> {

    List<Assessment> findByVendorIdOrderByCreatedAtDesc(long vendorId);
}
