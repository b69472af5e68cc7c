package dev.aegis.aims;

import dev.aegis.aims.ImpactAssessmentService.StoredImpact;
import dev.aegis.risk.RiskVocabulary.Band;
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
 * The AI system impact assessments (ISO/IEC 42001 6.1.4, 8.4) as a management review input, beside the risks: each
 * assessment's version in force at the meeting, whether its review date had passed, and its high impacts that named
 * no risk.
 */
@Component
class ImpactAssessmentsReviewInput implements ManagementReviewInput {

    private final ImpactAssessments assessments;
    private final ImpactAssessmentVersions versions;

    ImpactAssessmentsReviewInput(ImpactAssessments assessments, ImpactAssessmentVersions versions) {
        this.assessments = assessments;
        this.versions = versions;
    }

    @Override
    public int order() {
        return 75;
    }

    @Override
    @Transactional(readOnly = true)
    public ReviewSection sectionAsOf(Instant asOf, Instant periodFrom) {
        LocalDate day = LocalDate.ofInstant(asOf, ZoneOffset.UTC).minusDays(1);
        Map<Long, ImpactAssessment> byId =
                assessments.findAll().stream().collect(Collectors.toMap(ImpactAssessment::getId, Function.identity()));
        List<String> lines = new ArrayList<>();
        for (ImpactAssessmentVersion v : versions.findAllByOrderByAssessmentIdAscNumberDesc()) {
            boolean inForce = v.getApprovedAt() != null
                    && v.getApprovedAt().isBefore(asOf)
                    && (v.getSupersededAt() == null || !v.getSupersededAt().isBefore(asOf));
            if (!inForce) {
                continue;
            }
            List<StoredImpact> impacts = ImpactAssessmentService.impacts(v.getImpacts());
            long unlinked = impacts.stream()
                    .filter(i -> i.risks().isEmpty())
                    .filter(i -> Band.of(i.likelihood() * i.severity()).lowest() >= Band.HIGH.lowest())
                    .count();
            lines.add(byId.get(v.getAssessmentId()).getReference() + " version " + v.getNumber() + ": "
                    + ImpactVocabulary.count(impacts.size(), "impact") + ", review by " + Dates.day(v.getReviewBy())
                    + (v.getReviewBy().isBefore(day) ? " (overdue)" : "")
                    + (unlinked == 0
                            ? ""
                            : "; " + (unlinked == 1 ? "1 high impact names" : unlinked + " high impacts name")
                                    + " no risk")
                    + ".");
        }
        if (lines.isEmpty()) {
            lines.add("No AI system impact assessment was in force at the meeting (ISO/IEC 42001 6.1.4, 8.4).");
        }
        return new ReviewSection("AI system impact assessments", lines);
    }
}
