package dev.aegis.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An issued Statement of Applicability, kept exactly as issued: its content is a JSON snapshot of every Annex A
 * control with its decision and implementing controls at that moment. Hibernate never updates it and the database
 * refuses to. Not {@code @Audited}: the issue is told to the audit log as one event.
 */
@Entity
@Immutable
@Table(schema = "control", name = "soa_version")
class SoaVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private int number;

    @Column(name = "issued_at", updatable = false)
    private Instant issuedAt;

    @Column(name = "approved_by", updatable = false)
    private String approvedBy;

    @Column(updatable = false)
    private String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false, columnDefinition = "jsonb")
    private String content;

    protected SoaVersion() {}

    SoaVersion(int number, Instant issuedAt, String approvedBy, String note, String content) {
        this.number = number;
        this.issuedAt = issuedAt;
        this.approvedBy = approvedBy;
        this.note = note;
        this.content = content;
    }

    Long getId() {
        return id;
    }

    int getNumber() {
        return number;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }

    String getApprovedBy() {
        return approvedBy;
    }

    String getNote() {
        return note;
    }

    String getContent() {
        return content;
    }
}
