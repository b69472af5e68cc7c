package dev.aegis.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A link from an evidence item to a control, requirement or AI system. Undoing a link keeps the row with the time, so
 * the links can be read as they stood on a past day.
 */
@Entity
@Table(schema = "evidence", name = "evidence_link")
class EvidenceLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "item_id")
    private long itemId;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_type")
    private LinkTarget targetType;

    @Column(name = "target_id")
    private long targetId;

    @Column(name = "linked_by")
    private String linkedBy;

    @Column(name = "linked_at")
    private Instant linkedAt;

    @Column(name = "unlinked_by")
    private String unlinkedBy;

    @Column(name = "unlinked_at")
    private Instant unlinkedAt;

    protected EvidenceLink() {}

    EvidenceLink(long itemId, LinkTarget targetType, long targetId, String linkedBy, Instant linkedAt) {
        this.itemId = itemId;
        this.targetType = targetType;
        this.targetId = targetId;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    void undo(String by, Instant at) {
        unlinkedBy = by;
        unlinkedAt = at;
    }

    long itemId() {
        return itemId;
    }

    LinkTarget targetType() {
        return targetType;
    }

    long targetId() {
        return targetId;
    }

    Instant linkedAt() {
        return linkedAt;
    }

    Instant unlinkedAt() {
        return unlinkedAt;
    }
}
