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

/** One corrective action of a nonconformity: what, who, by when, and when it was done. */
@Entity
@Audited(bookkeeping = "remindedOn")
@Table(schema = "aims", name = "corrective_action")
class CorrectiveAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "nonconformity_id", updatable = false)
    private long nonconformityId;

    private String description;
    private String owner;
    private LocalDate due;

    @Column(name = "done_at")
    private Instant doneAt;

    @Column(name = "done_note")
    private String doneNote;

    @Column(name = "reminded_on")
    private LocalDate remindedOn;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CorrectiveAction() {}

    CorrectiveAction(long nonconformityId, String createdBy, Instant createdAt) {
        this.nonconformityId = nonconformityId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void plan(String description, String owner, LocalDate due) {
        if (doneAt != null) {
            throw new DomainRuleException("description", "This action is done; it stays as it was.");
        }
        this.description = description;
        this.owner = owner;
        this.due = due;
    }

    void done(Instant at, String note) {
        if (doneAt != null) {
            throw new DomainRuleException("doneNote", "This action is done already.");
        }
        doneAt = at;
        doneNote = note;
    }

    void reminded(LocalDate day) {
        remindedOn = day;
    }

    Long getId() {
        return id;
    }

    long getNonconformityId() {
        return nonconformityId;
    }

    String getDescription() {
        return description;
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

    LocalDate getRemindedOn() {
        return remindedOn;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
