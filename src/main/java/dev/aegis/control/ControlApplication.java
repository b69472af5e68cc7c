package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.ImplementationStatus;
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

/** A control applied to one AI system, with its status there (which may differ from the library's). */
@Entity
@Audited
@Table(schema = "control", name = "control_application")
public class ControlApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "control_id")
    private long controlId;

    @Column(name = "ai_system_id")
    private long systemId;

    @Enumerated(EnumType.STRING)
    private ImplementationStatus status;

    private String note;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected ControlApplication() {}

    ControlApplication(long controlId, long systemId) {
        this.controlId = controlId;
        this.systemId = systemId;
    }

    void record(ImplementationStatus status, String note, String by, Instant at) {
        this.status = status;
        this.note = note == null || note.isBlank() ? null : note.trim();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getControlId() {
        return controlId;
    }

    public long getSystemId() {
        return systemId;
    }

    public ImplementationStatus getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
