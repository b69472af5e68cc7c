package dev.aegis.aims;

import dev.aegis.aims.AuditVocabulary.CheckResult;
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

/**
 * One audit criterion — a requirement of any framework, picked from the catalog — and its line of the checklist: what
 * the auditor found for it. The requirement's reference and title are copied when picked, so the audit record reads as
 * it was even if the catalog changes.
 */
@Entity
@Audited
@Table(schema = "aims", name = "audit_check")
class AuditCheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "audit_id", updatable = false)
    private long auditId;

    @Column(name = "requirement_id", updatable = false)
    private long requirementId;

    @Column(name = "framework_code", updatable = false)
    private String frameworkCode;

    @Column(name = "ref_id", updatable = false)
    private String refId;

    @Column(name = "requirement_title", updatable = false)
    private String requirementTitle;

    @Enumerated(EnumType.STRING)
    private CheckResult result = CheckResult.NOT_CHECKED;

    private String notes;

    @Column(name = "checked_by")
    private String checkedBy;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Version
    private long version;

    protected AuditCheck() {}

    AuditCheck(long auditId, long requirementId, String frameworkCode, String refId, String requirementTitle) {
        this.auditId = auditId;
        this.requirementId = requirementId;
        this.frameworkCode = frameworkCode;
        this.refId = refId;
        this.requirementTitle = requirementTitle;
    }

    void record(CheckResult result, String notes, String by, Instant at) {
        this.result = result;
        this.notes = notes;
        this.checkedBy = result == CheckResult.NOT_CHECKED ? null : by;
        this.checkedAt = result == CheckResult.NOT_CHECKED ? null : at;
    }

    Long getId() {
        return id;
    }

    long getAuditId() {
        return auditId;
    }

    long getRequirementId() {
        return requirementId;
    }

    String getFrameworkCode() {
        return frameworkCode;
    }

    String getRefId() {
        return refId;
    }

    String getRequirementTitle() {
        return requirementTitle;
    }

    CheckResult getResult() {
        return result;
    }

    String getNotes() {
        return notes;
    }

    String getCheckedBy() {
        return checkedBy;
    }

    Instant getCheckedAt() {
        return checkedAt;
    }

    long getVersion() {
        return version;
    }
}
