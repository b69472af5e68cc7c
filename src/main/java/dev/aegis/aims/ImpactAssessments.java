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
}
