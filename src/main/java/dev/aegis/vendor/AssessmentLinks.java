package dev.aegis.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentLinks extends JpaRepository<AssessmentLink, Long> {

    Optional<AssessmentLink> findByTokenHash(String tokenHash);

    List<AssessmentLink> findByAssessmentIdAndRevokedAtIsNull(long assessmentId);
}
