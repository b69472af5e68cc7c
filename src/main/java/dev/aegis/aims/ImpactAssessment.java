package dev.aegis.aims;

import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An AI system impact assessment (ISO/IEC 42001 6.1.4, 8.4, A.5) under the AIMS document control: its reference, the AI
 * system it assesses, owner and retention; what it says is kept in numbered {@link ImpactAssessmentVersion}s.
 */
@Entity
@Audited
@Table(schema = "aims", name = "impact_assessment")
class ImpactAssessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String reference;

    @Column(name = "system_id", updatable = false)
    private long systemId;

    private String owner;

    @Column(name = "retention_years")
    private int retentionYears;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ImpactAssessment() {}

    ImpactAssessment(String reference, long systemId, String owner, int retentionYears, String by, Instant at) {
        this.reference = reference;
        this.systemId = systemId;
        this.owner = owner;
        this.retentionYears = retentionYears;
        this.createdBy = by;
        this.createdAt = at;
    }

    void keep(String owner, int retentionYears) {
        this.owner = owner;
        this.retentionYears = retentionYears;
    }

    Long getId() {
        return id;
    }

    String getReference() {
        return reference;
    }

    long getSystemId() {
        return systemId;
    }

    String getOwner() {
        return owner;
    }

    int getRetentionYears() {
        return retentionYears;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
