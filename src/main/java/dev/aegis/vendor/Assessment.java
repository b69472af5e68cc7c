package dev.aegis.vendor;

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
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A vendor's assessment against one template version. It moves draft → invited → in progress → submitted → approved
 * or rejected, or back to the vendor (returned) from submitted; a step taken out of order is refused, naming the
 * state the assessment is in.
 */
@Entity
@Audited
@Table(schema = "vendor", name = "assessment")
public class Assessment {

    public enum State {
        DRAFT,
        INVITED,
        IN_PROGRESS,
        SUBMITTED,
        RETURNED,
        APPROVED,
        REJECTED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }

        /** Whether the vendor may still answer. */
        public boolean open() {
            return this == INVITED || this == IN_PROGRESS || this == RETURNED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vendor_id")
    private long vendorId;

    @Column(name = "template_id")
    private long templateId;

    @Enumerated(EnumType.STRING)
    private State state;

    @Column(name = "due_on")
    private LocalDate dueOn;

    private Integer score;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    @Column(name = "overdue_since")
    private LocalDate overdueSince;

    @Column(name = "reassessment_of")
    private Long reassessmentOf;

    protected Assessment() {}

    Assessment(long vendorId, long templateId, LocalDate dueOn, String startedBy, Instant now) {
        this.vendorId = vendorId;
        this.templateId = templateId;
        this.dueOn = dueOn;
        this.startedBy = startedBy;
        this.state = State.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A private link went out: a draft is now invited; other open states stay as they are. */
    void invited(Instant now) {
        require("send a link", EnumSet.of(State.DRAFT, State.INVITED, State.IN_PROGRESS, State.RETURNED));
        if (state == State.DRAFT) {
            move(State.INVITED, now);
        }
    }

    /** The vendor saved an answer. */
    void answered(Instant now) {
        require("change an answer", EnumSet.of(State.INVITED, State.IN_PROGRESS, State.RETURNED));
        if (state != State.IN_PROGRESS) {
            move(State.IN_PROGRESS, now);
        }
    }

    void submitted(Instant now) {
        require("submit", EnumSet.of(State.INVITED, State.IN_PROGRESS, State.RETURNED));
        submittedAt = now;
        move(State.SUBMITTED, now);
    }

    void returned(String note, String by, Instant now) {
        require("return it to the vendor", EnumSet.of(State.SUBMITTED));
        decided(note, by, now);
        move(State.RETURNED, now);
    }

    void approved(Integer score, String note, String by, Instant now) {
        require("approve", EnumSet.of(State.SUBMITTED));
        this.score = score;
        decided(note, by, now);
        move(State.APPROVED, now);
    }

    void rejected(String note, String by, Instant now) {
        require("reject", EnumSet.of(State.SUBMITTED));
        decided(note, by, now);
        move(State.REJECTED, now);
    }

    private void decided(String note, String by, Instant now) {
        decisionNote = note == null || note.isBlank() ? null : note.trim();
        decidedBy = by;
        decidedAt = now;
    }

    /** Whether the assessment still waits for something before its due date counts: not yet submitted or decided. */
    public boolean awaitingVendor() {
        return state == State.DRAFT || state.open();
    }

    /** Overdue: still awaiting the vendor after the due date (the flag stays as history once it was submitted). */
    public boolean isOverdue() {
        return overdueSince != null && awaitingVendor();
    }

    /**
     * Marks the assessment overdue when it still awaits the vendor after its due date; answers whether it became
     * overdue just now (false when it was already, or is not).
     */
    boolean markOverdue(LocalDate today) {
        if (overdueSince != null || !awaitingVendor() || !today.isAfter(dueOn)) {
            return false;
        }
        overdueSince = dueOn.plusDays(1);
        return true;
    }

    /** This assessment is the reassessment that continues the cycle of an approved one. */
    void continues(long approvedAssessmentId) {
        reassessmentOf = approvedAssessmentId;
    }

    private void require(String step, Set<State> from) {
        if (!from.contains(state)) {
            throw new DomainRuleException("state", "Cannot " + step + ": the assessment is " + state.label() + ".");
        }
    }

    private void move(State to, Instant now) {
        state = to;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getVendorId() {
        return vendorId;
    }

    public long getTemplateId() {
        return templateId;
    }

    public State getState() {
        return state;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Integer getScore() {
        return score;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public long getVersion() {
        return version;
    }

    public LocalDate getOverdueSince() {
        return overdueSince;
    }

    public Long getReassessmentOf() {
        return reassessmentOf;
    }
}
