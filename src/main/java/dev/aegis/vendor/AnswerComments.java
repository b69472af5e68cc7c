package dev.aegis.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerComments extends JpaRepository<AnswerComment, Long> {

    List<AnswerComment> findByAssessmentId(long assessmentId);

    Optional<AnswerComment> findByAssessmentIdAndQuestionId(long assessmentId, String questionId);
}
