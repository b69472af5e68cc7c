package dev.aegis.aims;

import dev.aegis.shared.Audited;
import dev.aegis.shared.DomainRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * A management review meeting (ISO/IEC 42001 9.3): planned for a date with a chair and attendees, then held — its
 * inputs, assembled by Aegis as of the meeting date, frozen with the minutes. Outputs are {@link ReviewOutput}s.
 */
@Entity
@Audited(masked = "inputs")
@Table(schema = "aims", name = "management_review")
class ManagementReview {

    static final String PLANNED = "PLANNED";
    static final String HELD = "HELD";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String reference;

    private String title;

    @Column(name = "meeting_date")
    private LocalDate meetingDate;

    private String chair;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String attendees = "[]";

    private String status = PLANNED;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String inputs;

    private String minutes;

    @Column(name = "held_by")
    private String heldBy;

    @Column(name = "held_at")
    private Instant heldAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ManagementReview() {}

    ManagementReview(String reference, String createdBy, Instant createdAt) {
        this.reference = reference;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void plan(String title, LocalDate meetingDate, String chair, List<String> attendees) {
        if (isHeld()) {
            throw new DomainRuleException("status", reference + " was held; its record stays as it was.");
        }
        this.title = title;
        this.meetingDate = meetingDate;
        this.chair = chair;
        this.attendees = JSON.writeValueAsString(attendees);
    }

    void held(String inputsJson, String minutes, String by, Instant at) {
        if (isHeld()) {
            throw new DomainRuleException("status", reference + " is recorded as held already.");
        }
        this.inputs = inputsJson;
        this.minutes = minutes;
        this.heldBy = by;
        this.heldAt = at;
        this.status = HELD;
    }

    boolean isHeld() {
        return HELD.equals(status);
    }

    Long getId() {
        return id;
    }

    java.time.Instant getCreatedAt() {
        return createdAt;
    }

    String getReference() {
        return reference;
    }

    String getTitle() {
        return title;
    }

    LocalDate getMeetingDate() {
        return meetingDate;
    }

    String getChair() {
        return chair;
    }

    List<String> getAttendees() {
        return JSON.readValue(attendees, new TypeReference<List<String>>() {});
    }

    String getInputs() {
        return inputs;
    }

    String getMinutes() {
        return minutes;
    }

    String getHeldBy() {
        return heldBy;
    }

    Instant getHeldAt() {
        return heldAt;
    }

    long getVersion() {
        return version;
    }
}
