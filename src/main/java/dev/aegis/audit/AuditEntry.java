package dev.aegis.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One entry of the audit log, as stored. Entries are written by {@link AuditLog} only and never change. */
@Entity
@Immutable
@Table(schema = "audit", name = "audit_entry")
public class AuditEntry {
    @Id
    private Long id;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    @Column(name = "object_type")
    private String objectType;

    @Column(name = "object_id")
    private String objectId;

    private String action;

    @Column(name = "object_label")
    private String objectLabel;

    private String changes;

    @Column(name = "prev_hash")
    private String prevHash;

    private String hash;

    protected AuditEntry() {}

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    /** How people named the object when the entry was written (null for entries from before labels were kept). */
    public String getObjectLabel() {
        return objectLabel;
    }

    public String getAction() {
        return action;
    }

    public String getChanges() {
        return changes;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
