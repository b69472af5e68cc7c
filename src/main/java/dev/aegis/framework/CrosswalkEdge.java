package dev.aegis.framework;

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

/** One mapping between two requirements of different frameworks. */
@Entity
@Table(schema = "framework", name = "crosswalk_edge")
class CrosswalkEdge {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "crosswalk_id")
    Long crosswalkId;

    @Column(name = "source_requirement_id")
    Long sourceRequirementId;

    @Column(name = "target_requirement_id")
    Long targetRequirementId;

    @Enumerated(EnumType.STRING)
    Relationship relationship;

    @Column(name = "mapping_source")
    String mappingSource;

    @Column(name = "source_version")
    String sourceVersion;

    @Column(name = "target_version")
    String targetVersion;

    String confidence;
    String rationale;

    @Column(name = "needs_review")
    boolean needsReview;

    @Column(name = "review_note")
    String reviewNote;

    @Column(name = "reviewed_by")
    String reviewedBy;

    @Column(name = "reviewed_at")
    Instant reviewedAt;

    String origin;

    @Column(name = "catalog_changed")
    boolean catalogChanged;

    @Version
    long version;

    protected CrosswalkEdge() {}

    CrosswalkEdge(Long crosswalkId, Long sourceRequirementId, Long targetRequirementId, String origin) {
        this.crosswalkId = crosswalkId;
        this.sourceRequirementId = sourceRequirementId;
        this.targetRequirementId = targetRequirementId;
        this.origin = origin;
    }

    /** A reviewer confirms (or corrects) the mapping; the review flags clear. */
    void review(Relationship relationship, String confidence, String note, String reviewer, Instant at) {
        this.relationship = relationship;
        this.confidence = confidence;
        this.reviewNote = note;
        this.reviewedBy = reviewer;
        this.reviewedAt = at;
        this.needsReview = false;
        this.catalogChanged = false;
    }
}
