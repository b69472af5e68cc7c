package dev.aegis.aims;

import dev.aegis.aims.ImpactAssessmentService.StoredImpact;
import dev.aegis.aims.ImpactVocabulary.Affected;
import dev.aegis.control.RequirementRecords;
import dev.aegis.shared.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An AI system impact assessment in force (approved, effective and not yet superseded at that moment) meets ISO/IEC
 * 42001 6.1.4 and 8.4 (assessing and documenting AI system impacts) and Annex A A.5.2 and A.5.3 (the process and its
 * documentation); A.5.4 once it weighs impacts on individuals or groups, A.5.5 once it weighs impacts on society.
 */
@Component
class ImpactCoverage implements RequirementRecords {

    private final ImpactAssessmentVersions versions;
    private final ImpactAssessments assessments;

    ImpactCoverage(ImpactAssessmentVersions versions, ImpactAssessments assessments) {
        this.versions = versions;
        this.assessments = assessments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Met> metAt(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<ImpactAssessmentVersion> inForce = versions.findAllByOrderByAssessmentIdAscNumberDesc().stream()
                .filter(v -> v.getApprovedAt() != null && !v.getApprovedAt().isAfter(at))
                .filter(v -> !v.getEffectiveFrom().isAfter(day))
                .filter(v -> v.getSupersededAt() == null || v.getSupersededAt().isAfter(at))
                .toList();
        if (inForce.isEmpty()) {
            return List.of();
        }
        Map<Long, ImpactAssessment> byId =
                assessments.findAll().stream().collect(Collectors.toMap(ImpactAssessment::getId, Function.identity()));
        List<Met> out = new ArrayList<>();
        for (ImpactAssessmentVersion v : inForce) {
            String record = "AI system impact assessment "
                    + byId.get(v.getAssessmentId()).getReference() + " version " + v.getNumber() + ", in force since "
                    + Dates.day(v.getEffectiveFrom());
            for (String ref : List.of("6.1.4", "8.4", "A.5.2", "A.5.3")) {
                out.add(new Met(AimsCoverage.ISO, ref, record));
            }
            List<StoredImpact> impacts = ImpactAssessmentService.impacts(v.getImpacts());
            if (impacts.stream().anyMatch(i -> i.on() == Affected.INDIVIDUALS || i.on() == Affected.GROUPS)) {
                out.add(new Met(AimsCoverage.ISO, "A.5.4", record));
            }
            if (impacts.stream().anyMatch(i -> i.on() == Affected.SOCIETY)) {
                out.add(new Met(AimsCoverage.ISO, "A.5.5", record));
            }
        }
        return out;
    }
}
