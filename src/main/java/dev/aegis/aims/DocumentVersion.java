package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.VersionStatus;
import dev.aegis.shared.Audited;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One numbered version of a controlled document and its way through the document control: edited while a draft,
 * submitted for review, approved by someone other than its last editor (four eyes), published (the version in force
 * from its effective date), then superseded by the next published version or withdrawn. A step out of order is refused
 * with the version's current state in the message. Nothing of a version is ever deleted.
 */
@Entity
@Audited(bookkeeping = "reviewReminded")
@Table(schema = "aims", name = "document_version")
class DocumentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", updatable = false)
    private long documentId;

    @Column(updatable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    private VersionStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String content;

    @Column(name = "change_note")
    private String changeNote;

    @Column(name = "edited_by")
    private String editedBy;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    @Column(name = "review_by")
    private LocalDate reviewBy;

    /** The last review milestone its owner was reminded of (see {@link ReviewReminder}); null: none yet. */
    @Column(name = "review_reminded")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private ReviewReminder.Milestone reviewReminded;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "end_reason")
    private String endReason;

    @Version
    private long version;

    protected DocumentVersion() {}

    DocumentVersion(long documentId, int number, String content, String changeNote, String editedBy, Instant at) {
        this.documentId = documentId;
        this.number = number;
        this.status = VersionStatus.DRAFT;
        this.content = content;
        this.changeNote = changeNote;
        this.editedBy = editedBy;
        this.editedAt = at;
    }

    void edit(String content, String changeNote, String by, Instant at) {
        require(VersionStatus.DRAFT, "edited");
        this.content = content;
        this.changeNote = changeNote;
        this.editedBy = by;
        this.editedAt = at;
    }

    void submit(String by, Instant at) {
        require(VersionStatus.DRAFT, "submitted for review");
        this.status = VersionStatus.IN_REVIEW;
        this.submittedBy = by;
        this.submittedAt = at;
    }

    /** Back to draft from review or approval, e.g. when a reviewer asks for changes. */
    void reopen() {
        if (status != VersionStatus.IN_REVIEW && status != VersionStatus.APPROVED) {
            throw new DomainRuleException(
                    "status",
                    "Version " + number + " is " + status.inSentence()
                            + "; only a version in review or approved can go back to draft.");
        }
        this.status = VersionStatus.DRAFT;
        this.submittedBy = null;
        this.submittedAt = null;
        this.approvedBy = null;
        this.approvedAt = null;
    }

    /** Four eyes: whoever edited the version last may not approve it. */
    void approve(String by, Instant at, LocalDate effectiveFrom, LocalDate reviewBy) {
        require(VersionStatus.IN_REVIEW, "approved");
        if (by.equalsIgnoreCase(editedBy)) {
            throw new DomainRuleException(
                    "approver",
                    "You edited version " + number + " last, so someone else must approve it (four-eyes rule): ask "
                            + "another governance officer or an administrator.");
        }
        if (effectiveFrom == null) {
            throw new DomainRuleException("effectiveFrom", "Give the date from which this version is in force.");
        }
        if (reviewBy != null && !reviewBy.isAfter(effectiveFrom)) {
            throw new DomainRuleException("reviewBy", "The review date must come after the effective date.");
        }
        this.status = VersionStatus.APPROVED;
        this.approvedBy = by;
        this.approvedAt = at;
        this.effectiveFrom = effectiveFrom;
        this.reviewBy = reviewBy;
    }

    void publish(String by, Instant at) {
        require(VersionStatus.APPROVED, "published");
        this.status = VersionStatus.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    void supersede(Instant at, int byNumber) {
        require(VersionStatus.PUBLISHED, "superseded");
        this.status = VersionStatus.SUPERSEDED;
        this.endedAt = at;
        this.endReason = "Superseded by version " + byNumber;
    }

    void withdraw(Instant at, String reason) {
        if (status != VersionStatus.PUBLISHED && !status.isOpen()) {
            throw new DomainRuleException("status", "Version " + number + " is " + status.inSentence() + " already.");
        }
        this.status = VersionStatus.WITHDRAWN;
        this.endedAt = at;
        this.endReason = reason;
    }

    /** Published and in force on this day (its effective date reached). */
    boolean inForceOn(LocalDate day) {
        return status == VersionStatus.PUBLISHED && effectiveFrom != null && !effectiveFrom.isAfter(day);
    }

    private void require(VersionStatus expected, String step) {
        if (status != expected) {
            throw new DomainRuleException(
                    "status",
                    "Version " + number + " is " + status.inSentence() + ", so it cannot be " + step
                            + " (only a version that is " + expected.inSentence() + " can).");
        }
    }

    Long getId() {
        return id;
    }

    long getDocumentId() {
        return documentId;
    }

    int getNumber() {
        return number;
    }

    VersionStatus getStatus() {
        return status;
    }

    String getContent() {
        return content;
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

    String getSubmittedBy() {
        return submittedBy;
    }

    Instant getSubmittedAt() {
        return submittedAt;
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

    ReviewReminder.Milestone getReviewReminded() {
        return reviewReminded;
    }

    void reviewReminded(ReviewReminder.Milestone milestone) {
        this.reviewReminded = milestone;
    }

    LocalDate getReviewBy() {
        return reviewBy;
    }

    String getPublishedBy() {
        return publishedBy;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    Instant getEndedAt() {
        return endedAt;
    }

    String getEndReason() {
        return endReason;
    }

    long getVersion() {
        return version;
    }
}
