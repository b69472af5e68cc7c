package dev.aegis.aims;

import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.shared.Audited;
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

/** What an internal audit found against one of its criteria: a nonconformity, an observation or an opportunity. */
@Entity
@Audited
@Table(schema = "aims", name = "audit_finding")
class AuditFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "audit_id", updatable = false)
    private long auditId;

    @Column(name = "check_id")
    private long checkId;

    @Enumerated(EnumType.STRING)
    private FindingKind kind;

    private String statement;
    private String evidence;

    @Column(name = "raised_by", updatable = false)
    private String raisedBy;

    @Column(name = "raised_at", updatable = false)
    private Instant raisedAt;

    @Version
    private long version;

    protected AuditFinding() {}

    AuditFinding(long auditId, String raisedBy, Instant raisedAt) {
        this.auditId = auditId;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    void describe(long checkId, FindingKind kind, String statement, String evidence) {
        this.checkId = checkId;
        this.kind = kind;
        this.statement = statement;
        this.evidence = evidence;
    }

    Long getId() {
        return id;
    }

    long getAuditId() {
        return auditId;
    }

    long getCheckId() {
        return checkId;
    }

    FindingKind getKind() {
        return kind;
    }

    String getStatement() {
        return statement;
    }

    String getEvidence() {
        return evidence;
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
