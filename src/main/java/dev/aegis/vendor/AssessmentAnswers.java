package dev.aegis.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentAnswers extends JpaRepository<AssessmentAnswer, Long> {

    List<AssessmentAnswer> findByAssessmentId(long assessmentId);

    Optional<AssessmentAnswer> findByAssessmentIdAndQuestionId(long assessmentId, String questionId);
}
