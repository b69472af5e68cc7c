package dev.aegis.control;

import dev.aegis.shared.Audited;
import dev.aegis.shared.DomainRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The working decision on one ISO/IEC 42001 Annex A control: applicable or not, and why. Issued versions of the
 * Statement of Applicability copy these; this row keeps changing.
 */
@Entity
@Audited
@Table(schema = "control", name = "soa_entry")
class SoaEntry {

    @Id
    @Column(name = "requirement_id")
    private Long requirementId;

    private boolean applicable;
    private String justification;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected SoaEntry() {}

    SoaEntry(long requirementId) {
        this.requirementId = requirementId;
    }

    /** Includes or excludes the control; either way the reason is required. */
    void decide(boolean applicable, String justification, String by, Instant at) {
        if (justification == null || justification.isBlank()) {
            throw new DomainRuleException(
                    "justification",
                    applicable
                            ? "Give the justification for including this control."
                            : "Give the reason for excluding this control.");
        }
        this.applicable = applicable;
        this.justification = justification.trim();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Long getRequirementId() {
        return requirementId;
    }

    boolean isApplicable() {
        return applicable;
    }

    String getJustification() {
        return justification;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }
}
