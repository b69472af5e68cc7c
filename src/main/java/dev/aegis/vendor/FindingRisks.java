package dev.aegis.vendor;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface FindingRisks extends JpaRepository<FindingRisk, Long> {

    List<FindingRisk> findByAssessmentId(long assessmentId);
}
