package dev.aegis.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Assessments extends JpaRepository<Assessment, Long> {

    List<Assessment> findByVendorIdOrderByCreatedAtDesc(long vendorId);

    interface Answers extends JpaRepository<AssessmentAnswer, Long> {
        List<AssessmentAnswer> findByAssessmentId(long assessmentId);

        Optional<AssessmentAnswer> findByAssessmentIdAndQuestionId(long assessmentId, String questionId);
    }

    interface Links extends JpaRepository<AssessmentLink, Long> {
        Optional<AssessmentLink> findByTokenHash(String tokenHash);

        List<AssessmentLink> findByAssessmentIdAndRevokedAtIsNull(long assessmentId);
    }
}
