package dev.aegis.aims;

import dev.aegis.shared.Audited;
import dev.aegis.shared.DomainRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** A planned change (ISO/IEC 42001 6.3): what, why, when, the AI systems it touches and its impact, then its approval. */
@Entity
@Audited
@Table(schema = "aims", name = "change_record")
class ChangeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;
    private String title;
    private String reason;
    private String impact;

    @Column(name = "planned_on")
    private LocalDate plannedOn;

    @Enumerated(EnumType.STRING)
    private ChangeStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "aims", name = "change_record_system", joinColumns = @JoinColumn(name = "change_id"))
    @Column(name = "system_id")
    private Set<Long> systems = new HashSet<>();

    @Column(name = "raised_by", updatable = false)
    private String raisedBy;

    @Column(name = "raised_at", updatable = false)
    private Instant raisedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    private String outcome;

    @Version
    private long version;

    protected ChangeRecord() {}

    ChangeRecord(String reference, String raisedBy, Instant raisedAt) {
        this.reference = reference;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.status = ChangeStatus.PLANNED;
    }

    void describe(String title, String reason, String impact, LocalDate plannedOn, Set<Long> systems) {
        require(ChangeStatus.PLANNED, "changed");
        this.title = title;
        this.reason = reason;
        this.impact = impact;
        this.plannedOn = plannedOn;
        this.systems.clear();
        this.systems.addAll(systems);
    }

    void approve(String by, Instant at) {
        require(ChangeStatus.PLANNED, "approved");
        if (by.equalsIgnoreCase(raisedBy)) {
            throw new DomainRuleException(
                    "approver", "You raised " + reference + ", so someone else must approve it (four-eyes rule).");
        }
        approvedBy = by;
        approvedAt = at;
        status = ChangeStatus.APPROVED;
    }

    void done(String by, Instant at, String outcome) {
        require(ChangeStatus.APPROVED, "marked done");
        closedBy = by;
        closedAt = at;
        this.outcome = outcome;
        status = ChangeStatus.DONE;
    }

    void cancel(String by, Instant at, String why) {
        if (status == ChangeStatus.DONE || status == ChangeStatus.CANCELLED) {
            throw new DomainRuleException(
                    "status",
                    reference + " is " + status.label().toLowerCase(java.util.Locale.ROOT)
                            + ", so it cannot be cancelled.");
        }
        closedBy = by;
        closedAt = at;
        this.outcome = why;
        status = ChangeStatus.CANCELLED;
    }

    private void require(ChangeStatus expected, String what) {
        if (status != expected) {
            throw new DomainRuleException(
                    "status",
                    reference + " is " + status.label().toLowerCase(java.util.Locale.ROOT) + ", so it cannot be " + what
                            + " (only while " + expected.label().toLowerCase(java.util.Locale.ROOT) + ").");
        }
    }

    Long getId() {
        return id;
    }

    String getReference() {
        return reference;
    }

    String getTitle() {
        return title;
    }

    String getReason() {
        return reason;
    }

    String getImpact() {
        return impact;
    }

    LocalDate getPlannedOn() {
        return plannedOn;
    }

    ChangeStatus getStatus() {
        return status;
    }

    Set<Long> getSystems() {
        return systems;
    }

    String getRaisedBy() {
        return raisedBy;
    }

    Instant getRaisedAt() {
        return raisedAt;
    }

    String getApprovedBy() {
        return approvedBy;
    }

    Instant getApprovedAt() {
        return approvedAt;
    }

    String getClosedBy() {
        return closedBy;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    String getOutcome() {
        return outcome;
    }

    long getVersion() {
        return version;
    }
}
