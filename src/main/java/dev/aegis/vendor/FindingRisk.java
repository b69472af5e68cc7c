package dev.aegis.vendor;

import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A shortfall of an assessment that a vendor manager confirmed as a risk of one dependent AI system. */
@Entity
@Audited
@Table(schema = "vendor", name = "finding_risk")
public class FindingRisk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id")
    private long assessmentId;

    @Column(name = "question_id")
    private String questionId;

    @Column(name = "system_id")
    private long systemId;

    @Column(name = "risk_id")
    private long riskId;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected FindingRisk() {}

    FindingRisk(long assessmentId, String questionId, long systemId, long riskId, String confirmedBy, Instant now) {
        this.assessmentId = assessmentId;
        this.questionId = questionId;
        this.systemId = systemId;
        this.riskId = riskId;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getAssessmentId() {
        return assessmentId;
    }

    public String getQuestionId() {
        return questionId;
    }

    public long getSystemId() {
        return systemId;
    }

    public long getRiskId() {
        return riskId;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
