package dev.aegis.aims;

import dev.aegis.aims.CorrectionVocabulary.NcKind;
import dev.aegis.aims.CorrectionVocabulary.NcSource;
import dev.aegis.aims.CorrectionVocabulary.NcStatus;
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

/**
 * A nonconformity (ISO/IEC 42001 10.2) or improvement opportunity (10.1): where it came from, its containment, root
 * cause, and — once its {@link CorrectiveAction}s are done — the effectiveness check that closes it.
 */
@Entity
@Audited
@Table(schema = "aims", name = "nonconformity")
class Nonconformity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    private NcKind kind;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private NcSource source;

    @Column(name = "source_id", updatable = false)
    private Long sourceId;

    @Column(name = "source_label", updatable = false)
    private String sourceLabel;

    private String owner;

    @Enumerated(EnumType.STRING)
    private NcStatus status = NcStatus.OPEN;

    private String containment;

    @Column(name = "root_cause")
    private String rootCause;

    @Column(name = "effectiveness_by")
    private String effectivenessBy;

    @Column(name = "effectiveness_at")
    private Instant effectivenessAt;

    @Column(name = "effectiveness_note")
    private String effectivenessNote;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "raised_by", updatable = false)
    private String raisedBy;

    @Column(name = "raised_at", updatable = false)
    private Instant raisedAt;

    @Version
    private long version;

    protected Nonconformity() {}

    Nonconformity(
            String reference, NcSource source, Long sourceId, String sourceLabel, String raisedBy, Instant raisedAt) {
        this.reference = reference;
        this.source = source;
        this.sourceId = sourceId;
        this.sourceLabel = sourceLabel;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    void describe(NcKind kind, String title, String description, String owner) {
        requireOpen("change it");
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.owner = owner;
    }

    void treat(String containment, String rootCause) {
        requireOpen("change its treatment");
        this.containment = containment;
        this.rootCause = rootCause;
        if (status == NcStatus.OPEN && (containment != null || rootCause != null)) {
            status = NcStatus.IN_TREATMENT;
        }
    }

    void actionAdded() {
        if (status == NcStatus.OPEN) {
            status = NcStatus.IN_TREATMENT;
        }
    }

    /** The effectiveness check: effective closes it; not effective keeps it in treatment with the note. */
    void checked(boolean effective, String by, Instant at, String note) {
        requireOpen("check it again");
        effectivenessBy = by;
        effectivenessAt = at;
        effectivenessNote = note;
        if (effective) {
            status = NcStatus.CLOSED;
            closedAt = at;
        } else {
            status = NcStatus.IN_TREATMENT;
        }
    }

    void requireOpen(String what) {
        if (status == NcStatus.CLOSED) {
            throw new DomainRuleException("status", reference + " is closed, so you cannot " + what + ".");
        }
    }

    Long getId() {
        return id;
    }

    String getReference() {
        return reference;
    }

    NcKind getKind() {
        return kind;
    }

    String getTitle() {
        return title;
    }

    String getDescription() {
        return description;
    }

    NcSource getSource() {
        return source;
    }

    Long getSourceId() {
        return sourceId;
    }

    String getSourceLabel() {
        return sourceLabel;
    }

    String getOwner() {
        return owner;
    }

    NcStatus getStatus() {
        return status;
    }

    String getContainment() {
        return containment;
    }

    String getRootCause() {
        return rootCause;
    }

    String getEffectivenessBy() {
        return effectivenessBy;
    }

    Instant getEffectivenessAt() {
        return effectivenessAt;
    }

    String getEffectivenessNote() {
        return effectivenessNote;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    String getRaisedBy() {
        return raisedBy;
    }

    Instant getRaisedAt() {
        return raisedAt;
    }

    long getVersion() {
        return version;
    }
}
