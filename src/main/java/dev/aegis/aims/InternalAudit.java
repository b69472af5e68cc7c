package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.AuditStatus;
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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A planned internal audit of the audit programme (ISO/IEC 42001 9.2): its scope (words, AI systems, AIMS roles whose
 * area is audited), its auditors and dates; planned, then in progress, then completed with a conclusion (or
 * cancelled). Its criteria and checklist are {@link AuditCheck}s, its findings {@link AuditFinding}s.
 */
@Entity
@Audited
@Table(schema = "aims", name = "internal_audit")
class InternalAudit {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String reference;

    private String title;
    private String scope;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "system_ids", columnDefinition = "jsonb")
    private String systemIds = "[]";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "audited_roles", columnDefinition = "jsonb")
    private String auditedRoles = "[]";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String auditors = "[]";

    @Column(name = "planned_from")
    private LocalDate plannedFrom;

    @Column(name = "planned_to")
    private LocalDate plannedTo;

    @Enumerated(EnumType.STRING)
    private AuditStatus status = AuditStatus.PLANNED;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_by")
    private String completedBy;

    private String conclusion;

    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected InternalAudit() {}

    InternalAudit(String reference, String createdBy, Instant createdAt) {
        this.reference = reference;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void plan(
            String title,
            String scope,
            List<Long> systemIds,
            List<AimsRole> roles,
            List<String> auditors,
            LocalDate from,
            LocalDate to) {
        requireOpen("change its plan");
        this.title = title;
        this.scope = scope;
        this.systemIds = JSON.writeValueAsString(systemIds);
        this.auditedRoles = JSON.writeValueAsString(roles);
        this.auditors = JSON.writeValueAsString(auditors);
        this.plannedFrom = from;
        this.plannedTo = to;
    }

    void start(Instant at) {
        if (status != AuditStatus.PLANNED) {
            throw new DomainRuleException(
                    "status", "Only a planned audit can be started; " + reference + " is " + status.label() + ".");
        }
        status = AuditStatus.IN_PROGRESS;
        startedAt = at;
    }

    void complete(String by, Instant at, String conclusion) {
        if (status != AuditStatus.IN_PROGRESS) {
            throw new DomainRuleException(
                    "status",
                    "Only an audit in progress can be completed; " + reference + " is " + status.label()
                            + ". Start it first.");
        }
        status = AuditStatus.COMPLETED;
        completedBy = by;
        completedAt = at;
        this.conclusion = conclusion;
    }

    void cancel(String reason) {
        requireOpen("cancel it");
        status = AuditStatus.CANCELLED;
        cancelReason = reason;
    }

    /** Refuses a change once the audit is completed or cancelled: its record stays as it was concluded. */
    void requireOpen(String what) {
        if (status == AuditStatus.COMPLETED || status == AuditStatus.CANCELLED) {
            throw new DomainRuleException(
                    "status",
                    "Audit " + reference + " is " + status.label().toLowerCase(java.util.Locale.ROOT)
                            + ", so you cannot " + what + ".");
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

    String getScope() {
        return scope;
    }

    List<Long> getSystemIds() {
        return JSON.readValue(systemIds, new TypeReference<List<Long>>() {});
    }

    List<AimsRole> getAuditedRoles() {
        return JSON.readValue(auditedRoles, new TypeReference<List<AimsRole>>() {});
    }

    List<String> getAuditors() {
        return JSON.readValue(auditors, new TypeReference<List<String>>() {});
    }

    LocalDate getPlannedFrom() {
        return plannedFrom;
    }

    LocalDate getPlannedTo() {
        return plannedTo;
    }

    AuditStatus getStatus() {
        return status;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getCompletedAt() {
        return completedAt;
    }

    String getCompletedBy() {
        return completedBy;
    }

    String getConclusion() {
        return conclusion;
    }

    String getCancelReason() {
        return cancelReason;
    }

    java.time.Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    long getVersion() {
        return version;
    }
}
