package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
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

/** Someone holds an AIMS role, with their responsibilities, from a date (and until one, once handed over). */
@Entity
@Audited
@Table(schema = "aims", name = "role_assignment")
class RoleAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private AimsRole role;

    private String username;
    private String responsibilities;
    private LocalDate since;
    private LocalDate until;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected RoleAssignment() {}

    RoleAssignment(String createdBy, Instant createdAt) {
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void assign(AimsRole role, String username, String responsibilities, LocalDate since, LocalDate until) {
        this.role = role;
        this.username = username;
        this.responsibilities = responsibilities;
        this.since = since;
        this.until = until;
    }

    /** Held on this day. */
    boolean heldOn(LocalDate day) {
        return !since.isAfter(day) && (until == null || !until.isBefore(day));
    }

    Long getId() {
        return id;
    }

    AimsRole getRole() {
        return role;
    }

    java.time.Instant getCreatedAt() {
        return createdAt;
    }

    String getUsername() {
        return username;
    }

    String getResponsibilities() {
        return responsibilities;
    }

    LocalDate getSince() {
        return since;
    }

    LocalDate getUntil() {
        return until;
    }

    long getVersion() {
        return version;
    }
}
