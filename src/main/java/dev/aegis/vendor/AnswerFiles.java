package dev.aegis.vendor;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AnswerFiles extends JpaRepository<AnswerFile, Long> {

    /** What is listed of a file (everything but its bytes). */
    record Listed(
            long id,
            String questionId,
            String name,
            String mediaType,
            long size,
            String sha256,
            java.time.Instant uploadedAt) {}

    @Query("select new dev.aegis.vendor.AnswerFiles$Listed(f.id, f.questionId, f.name, f.mediaType, f.size, f.sha256,"
            + " f.uploadedAt) from AnswerFile f where f.assessmentId = ?1 order by f.questionId, f.uploadedAt, f.id")
    List<Listed> listed(long assessmentId);

    Optional<AnswerFile> findByIdAndAssessmentId(long id, long assessmentId);
}
