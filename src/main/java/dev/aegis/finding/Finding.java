package dev.aegis.finding;

import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.validation.Checked;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * Something the telemetry loop found wrong with an AI system, one per cause (a telemetry test, or an alert's metric
 * and subject at a deployment). Its steps are named after the workflow and refuse to run out of order, naming the
 * state the finding is in. Every step is announced as an event the audit log records.
 */
@Entity
@Table(schema = "finding", name = "finding")
public class Finding {

    /** The most characters of a note, root cause, action, rationale or reason. */
    public static final int TEXT_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String cause;

    @Column(name = "system_id")
    private long systemId;

    @Column(name = "control_id")
    private Long controlId;

    @Column(name = "test_id")
    private Long testId;

    private String title;

    @Enumerated(EnumType.STRING)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    private State state;

    private String source;
    private String deployment;
    private String metric;
    private String subject;
    private String comparison;
    private Double threshold;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 500)
    @CollectionTable(schema = "finding", name = "finding_risk", joinColumns = @JoinColumn(name = "finding_id"))
    @Column(name = "risk_id")
    private Set<Long> risks = new HashSet<>();

    private int occurrences;

    @Column(name = "first_seen")
    private Instant firstSeen;

    @Column(name = "last_seen")
    private Instant lastSeen;

    @Column(name = "recovered_at")
    private Instant recoveredAt;

    @Column(name = "recovered_figure")
    private Double recoveredFigure;

    @Column(name = "investigation_note")
    private String investigationNote;

    @Column(name = "investigated_by")
    private String investigatedBy;

    @Column(name = "investigated_at")
    private Instant investigatedAt;

    @Column(name = "root_cause")
    private String rootCause;

    @Column(name = "action_taken")
    private String actionTaken;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "acceptance_rationale")
    private String acceptanceRationale;

    @Column(name = "accepted_by")
    private String acceptedBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "reopen_reason")
    private String reopenReason;

    @Column(name = "reopened_at")
    private Instant reopenedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Version
    private long version;

    protected Finding() {}

    /** What a finding is about: its cause and what it was measured against. */
    record Cause(
            String key,
            long systemId,
            Long controlId,
            Long testId,
            String title,
            String source,
            String deployment,
            String metric,
            String subject,
            String comparison,
            double threshold) {}

    /** A finding opened by its first breach. */
    Finding(Cause cause, Set<Long> risks, Severity severity, Instant seen, Instant now) {
        this.cause = cause.key();
        this.systemId = cause.systemId();
        this.controlId = cause.controlId();
        this.testId = cause.testId();
        this.title = cause.title();
        this.source = cause.source();
        this.deployment = cause.deployment();
        this.metric = cause.metric();
        this.subject = cause.subject();
        this.comparison = cause.comparison();
        this.threshold = cause.threshold();
        this.risks.addAll(risks);
        this.severity = severity;
        this.state = State.OPEN;
        this.occurrences = 1;
        this.firstSeen = seen;
        this.lastSeen = seen;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What a new breach did to the finding. */
    enum BreachEffect {
        ADDED,
        REOPENED,
        ADDED_TO_ACCEPTED
    }

    /**
     * The cause breached again: an open finding counts it; a resolved one reopens (its resolution stays in the audit
     * log, the workflow begins anew, with the risks the control mitigates now); an accepted one counts it and stays
     * accepted — the organisation chose to live with this breach. Severity only rises.
     */
    BreachEffect breached(Severity breach, Set<Long> currentRisks, Instant seen, Instant now) {
        occurrences++;
        if (lastSeen == null || seen.isAfter(lastSeen)) {
            lastSeen = seen;
        }
        severity = severity.atLeast(breach);
        recoveredAt = null;
        recoveredFigure = null;
        updatedAt = now;
        if (state == State.RESOLVED) {
            reopen("The cause breached again after the finding was resolved.", now);
            risks.clear();
            risks.addAll(currentRisks);
            return BreachEffect.REOPENED;
        }
        return state == State.ACCEPTED ? BreachEffect.ADDED_TO_ACCEPTED : BreachEffect.ADDED;
    }

    /** A passing result (or the alert cleared) while open: shown, so someone can resolve it; never resolves by itself. */
    boolean recovered(Double figure, Instant at, Instant now) {
        if (!state.isOpen() || (lastSeen != null && at.isBefore(lastSeen))) {
            return false;
        }
        recoveredAt = at;
        recoveredFigure = figure;
        updatedAt = now;
        return true;
    }

    /** open → investigating: someone looks into it, optionally saying how. */
    void investigate(String note, String by, Instant now) {
        requireState("investigated", State.OPEN);
        investigationNote = blank(Checked.limited("note", "The note", note, TEXT_MAX));
        investigatedBy = by;
        investigatedAt = now;
        state = State.INVESTIGATING;
        updatedAt = now;
    }

    /** open or investigating → resolved, with the root cause and the action taken. */
    void resolve(String rootCause, String actionTaken, String by, Instant now) {
        requireState("resolved", State.OPEN, State.INVESTIGATING);
        if (blank(rootCause) == null) {
            throw new DomainRuleException("rootCause", "Say what caused the finding.");
        }
        if (blank(actionTaken) == null) {
            throw new DomainRuleException("actionTaken", "Say what was done about it.");
        }
        Checked.limited("rootCause", "The root cause", rootCause.trim(), TEXT_MAX);
        Checked.limited("actionTaken", "The action taken", actionTaken.trim(), TEXT_MAX);
        this.rootCause = rootCause.trim();
        this.actionTaken = actionTaken.trim();
        resolvedBy = by;
        resolvedAt = now;
        state = State.RESOLVED;
        updatedAt = now;
    }

    /** open or investigating → accepted, by a governance officer or administrator, with a rationale. */
    void accept(String rationale, String approver, Instant now) {
        requireState("accepted", State.OPEN, State.INVESTIGATING);
        if (blank(rationale) == null) {
            throw new DomainRuleException("rationale", "Say why the finding is accepted.");
        }
        Checked.limited("rationale", "The rationale", rationale.trim(), TEXT_MAX);
        acceptanceRationale = rationale.trim();
        acceptedBy = approver;
        acceptedAt = now;
        state = State.ACCEPTED;
        updatedAt = now;
    }

    /** resolved or accepted → open again, with the reason; resolution and acceptance are cleared (the log keeps them). */
    void reopen(String reason, Instant now) {
        requireState("reopened", State.RESOLVED, State.ACCEPTED);
        if (blank(reason) == null) {
            throw new DomainRuleException("reason", "Say why the finding is reopened.");
        }
        Checked.limited("reason", "The reason", reason.trim(), TEXT_MAX);
        reopenReason = reason.trim();
        reopenedAt = now;
        rootCause = null;
        actionTaken = null;
        resolvedBy = null;
        resolvedAt = null;
        acceptanceRationale = null;
        acceptedBy = null;
        acceptedAt = null;
        investigationNote = null;
        investigatedBy = null;
        investigatedAt = null;
        state = State.OPEN;
        updatedAt = now;
    }

    private void requireState(String step, State... allowed) {
        for (State s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new DomainRuleException(
                "state",
                "The finding is " + state.label().toLowerCase(Locale.ROOT) + "; it can be " + step
                        + " only when it is "
                        + String.join(
                                " or ",
                                Arrays.stream(allowed)
                                        .map(a -> a.label().toLowerCase(Locale.ROOT))
                                        .toList())
                        + ".");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @PrePersist
    @PreUpdate
    void stampAuthor() {
        updatedBy = Actors.current();
    }

    public Long getId() {
        return id;
    }

    public String getCause() {
        return cause;
    }

    public long getSystemId() {
        return systemId;
    }

    public Long getControlId() {
        return controlId;
    }

    public Long getTestId() {
        return testId;
    }

    public String getTitle() {
        return title;
    }

    public Severity getSeverity() {
        return severity;
    }

    public State getState() {
        return state;
    }

    public String getSource() {
        return source;
    }

    public String getDeployment() {
        return deployment;
    }

    public String getMetric() {
        return metric;
    }

    public String getSubject() {
        return subject;
    }

    public String getComparison() {
        return comparison;
    }

    public Double getThreshold() {
        return threshold;
    }

    public Set<Long> getRisks() {
        return Set.copyOf(risks);
    }

    public int getOccurrences() {
        return occurrences;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public Instant getRecoveredAt() {
        return recoveredAt;
    }

    public Double getRecoveredFigure() {
        return recoveredFigure;
    }

    public boolean isRecovered() {
        return recoveredAt != null;
    }

    public String getInvestigationNote() {
        return investigationNote;
    }

    public String getInvestigatedBy() {
        return investigatedBy;
    }

    public Instant getInvestigatedAt() {
        return investigatedAt;
    }

    public String getRootCause() {
        return rootCause;
    }

    public String getActionTaken() {
        return actionTaken;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getAcceptanceRationale() {
        return acceptanceRationale;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public Instant getReopenedAt() {
        return reopenedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public long getVersion() {
        return version;
    }
}
