package dev.aegis.aims;

import dev.aegis.aims.ImpactVocabulary.Stage;
import dev.aegis.shared.Audited;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One numbered version of an impact assessment: edited while a draft, approved by someone other than its last editor
 * (four eyes) with the date it is in force from, then superseded when the next version is approved. Nothing of a
 * version is deleted; a step out of order is refused with the version's state in the message.
 */
@Entity
@Audited(bookkeeping = "reviewReminded")
@Table(schema = "aims", name = "impact_assessment_version")
class ImpactAssessmentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "assessment_id", updatable = false)
    private long assessmentId;

    @Column(updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    private Stage status;

    @Column(name = "intended_use")
    private String intendedUse;

    private String misuse;
    private String stakeholders;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String impacts;

    private String measures;

    @Column(name = "residual_impact")
    private String residualImpact;

    @Column(name = "review_by")
    private LocalDate reviewBy;

    /** The last review milestone its owner was reminded of (see {@link ReviewReminder}); null: none yet. */
    @Column(name = "review_reminded")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private ReviewReminder.Milestone reviewReminded;

    @Column(name = "change_note")
    private String changeNote;

    @Column(name = "edited_by")
    private String editedBy;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Version
    private long version;

    protected ImpactAssessmentVersion() {}

    ImpactAssessmentVersion(long assessmentId, int number) {
        this.assessmentId = assessmentId;
        this.number = number;
        this.status = Stage.DRAFT;
    }

    void edit(
            String intendedUse,
            String misuse,
            String stakeholders,
            String impacts,
            String measures,
            String residualImpact,
            LocalDate reviewBy,
            String changeNote,
            String by,
            Instant at) {
        require(Stage.DRAFT, "edited");
        this.intendedUse = intendedUse;
        this.misuse = misuse;
        this.stakeholders = stakeholders;
        this.impacts = impacts;
        this.measures = measures;
        this.residualImpact = residualImpact;
        this.reviewBy = reviewBy;
        this.changeNote = changeNote;
        this.editedBy = by;
        this.editedAt = at;
    }

    void approve(String by, Instant at, LocalDate effectiveFrom) {
        require(Stage.DRAFT, "approved");
        if (by.equalsIgnoreCase(editedBy)) {
            throw new DomainRuleException(
                    "approver",
                    "You edited version " + number + " last, so someone else must approve it (four-eyes rule).");
        }
        if (effectiveFrom == null) {
            throw new DomainRuleException("effectiveFrom", "Give the date from which this version is in force.");
        }
        if (!reviewBy.isAfter(effectiveFrom)) {
            throw new DomainRuleException(
                    "effectiveFrom",
                    "The review date (" + Dates.day(reviewBy) + ") must come after the effective date.");
        }
        this.approvedBy = by;
        this.approvedAt = at;
        this.effectiveFrom = effectiveFrom;
        this.status = Stage.APPROVED;
    }

    void supersede(Instant at) {
        require(Stage.APPROVED, "superseded");
        this.status = Stage.SUPERSEDED;
        this.supersededAt = at;
    }

    private void require(Stage expected, String step) {
        if (status != expected) {
            throw new DomainRuleException(
                    "status",
                    "Version " + number + " is " + status.label().toLowerCase(Locale.ROOT) + ", so it cannot be " + step
                            + " (only while " + expected.label().toLowerCase(Locale.ROOT) + ").");
        }
    }

    Long getId() {
        return id;
    }

    long getAssessmentId() {
        return assessmentId;
    }

    int getNumber() {
        return number;
    }

    Stage getStatus() {
        return status;
    }

    String getIntendedUse() {
        return intendedUse;
    }

    String getMisuse() {
        return misuse;
    }

    String getStakeholders() {
        return stakeholders;
    }

    String getImpacts() {
        return impacts;
    }

    String getMeasures() {
        return measures;
    }

    String getResidualImpact() {
        return residualImpact;
    }

    ReviewReminder.Milestone getReviewReminded() {
        return reviewReminded;
    }

    void reviewReminded(ReviewReminder.Milestone milestone) {
        this.reviewReminded = milestone;
    }

    LocalDate getReviewBy() {
        return reviewBy;
    }

    String getChangeNote() {
        return changeNote;
    }

    String getEditedBy() {
        return editedBy;
    }

    Instant getEditedAt() {
        return editedAt;
    }

    String getApprovedBy() {
        return approvedBy;
    }

    Instant getApprovedAt() {
        return approvedAt;
    }

    LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    Instant getSupersededAt() {
        return supersededAt;
    }

    long getVersion() {
        return version;
    }
}
