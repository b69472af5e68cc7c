package dev.aegis.aims;

import dev.aegis.shared.Audited;
import dev.aegis.shared.DomainRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** An output of a management review (9.3.3): a decision, or an action with its owner and due date. */
@Entity
@Audited
@Table(schema = "aims", name = "review_output")
class ReviewOutput {

    static final String DECISION = "DECISION";
    static final String ACTION = "ACTION";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "review_id", updatable = false)
    private long reviewId;

    @Column(updatable = false)
    private String kind;

    private String text;
    private String owner;
    private LocalDate due;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_note")
    private String doneNote;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ReviewOutput() {}

    ReviewOutput(long reviewId, String kind, String text, String owner, LocalDate due, String createdBy, Instant at) {
        this.reviewId = reviewId;
        this.kind = kind;
        this.text = text;
        this.owner = owner;
        this.due = due;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    void done(Instant at, String note) {
        if (!ACTION.equals(kind)) {
            throw new DomainRuleException("kind", "A decision is not done; only actions are.");
        }
        if (doneAt != null) {
            throw new DomainRuleException("doneNote", "This action is done already.");
        }
        doneAt = at;
        doneNote = note;
    }

    Long getId() {
        return id;
    }

    long getReviewId() {
        return reviewId;
    }

    String getKind() {
        return kind;
    }

    String getText() {
        return text;
    }

    String getOwner() {
        return owner;
    }

    LocalDate getDue() {
        return due;
    }

    Instant getDoneAt() {
        return doneAt;
    }

    String getDoneNote() {
        return doneNote;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
