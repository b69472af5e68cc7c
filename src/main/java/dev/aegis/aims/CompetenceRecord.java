package dev.aegis.aims;

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
import java.time.LocalDate;

/**
 * A training, attestation or certification someone holds (ISO/IEC 42001 7.2, 7.3): completed on a day, current until it
 * expires (or for good when it does not).
 */
@Entity
@Audited(bookkeeping = "remindedAt")
@Table(schema = "aims", name = "competence_record")
class CompetenceRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Enumerated(EnumType.STRING)
    private CompetenceKind kind;

    private String title;
    private String provider;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    private String note;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CompetenceRecord() {}

    CompetenceRecord(String createdBy, Instant createdAt) {
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void describe(
            String username,
            CompetenceKind kind,
            String title,
            String provider,
            LocalDate completedOn,
            LocalDate expiresOn,
            String note) {
        if (!java.util.Objects.equals(this.expiresOn, expiresOn)) {
            remindedAt = null; // a new expiry date earns a new reminder
        }
        this.username = username;
        this.kind = kind;
        this.title = title;
        this.provider = provider;
        this.completedOn = completedOn;
        this.expiresOn = expiresOn;
        this.note = note;
    }

    void reminded(Instant at) {
        remindedAt = at;
    }

    /** Completed by that day and not expired then. */
    boolean currentOn(LocalDate day) {
        return !completedOn.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    CompetenceKind getKind() {
        return kind;
    }

    String getTitle() {
        return title;
    }

    String getProvider() {
        return provider;
    }

    LocalDate getCompletedOn() {
        return completedOn;
    }

    LocalDate getExpiresOn() {
        return expiresOn;
    }

    String getNote() {
        return note;
    }

    Instant getRemindedAt() {
        return remindedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
