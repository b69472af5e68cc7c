package dev.aegis.aims;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImpactAssessments extends JpaRepository<ImpactAssessment, Long> {

    List<ImpactAssessment> findAllByOrderByReferenceAsc();

    @Query("select a.reference from ImpactAssessment a")
    List<String> references();
}

interface ImpactAssessmentVersions extends JpaRepository<ImpactAssessmentVersion, Long> {

    List<ImpactAssessmentVersion> findByAssessmentIdOrderByNumberDesc(long assessmentId);

    List<ImpactAssessmentVersion> findAllByOrderByAssessmentIdAscNumberDesc();

    /** Approved versions whose review date is on or before {@code horizon} and not yet reminded as overdue. */
    @Query("select v from ImpactAssessmentVersion v where v.status = dev.aegis.aims.ImpactVocabulary.Stage.APPROVED"
            + " and v.reviewBy <= :horizon and (v.reviewReminded is null"
            + " or v.reviewReminded <> dev.aegis.aims.ReviewReminder.Milestone.OVERDUE) order by v.reviewBy")
    List<ImpactAssessmentVersion> approvedForReviewBy(java.time.LocalDate horizon);
}
