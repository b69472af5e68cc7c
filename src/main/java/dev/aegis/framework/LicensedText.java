package dev.aegis.framework;

import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Text an organisation holds a licence for (ISO/IEC 42001 clauses and controls) and pastes into Aegis. It is shown
 * in Aegis and never leaves it: no export reads this table. The audit log records that it changed, not what it says.
 */
@Entity
@Audited(masked = "text")
@Table(schema = "framework", name = "licensed_text")
class LicensedText {
    @Id
    @Column(name = "requirement_id")
    Long requirementId;

    String text;

    @Column(name = "pasted_by")
    String pastedBy;

    @Column(name = "pasted_at")
    Instant pastedAt;

    @Version
    long version;

    protected LicensedText() {}

    LicensedText(Long requirementId) {
        this.requirementId = requirementId;
    }

    void paste(String text, String by, Instant at) {
        this.text = text;
        this.pastedBy = by;
        this.pastedAt = at;
    }
}
