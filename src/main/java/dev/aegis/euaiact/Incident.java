package dev.aegis.euaiact;

import dev.aegis.euaiact.IncidentDeadlines.Kind;
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
import java.time.ZoneId;

/**
 * An incident with an AI system (Art. 73): open until reported to the market surveillance authority (serious ones),
 * then reported, then closed once investigated. Its deadline follows from its kind and the moment of awareness and
 * is kept as computed, so a later change to the kind or awareness recomputes it.
 */
@Entity
@Table(schema = "euaiact", name = "incident")
public class Incident {

    public enum Status {
        OPEN("Open"),
        REPORTED("Reported"),
        CLOSED("Closed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "ai_system_id")
    private long systemId;

    @Column(name = "finding_id")
    private Long findingId;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private boolean widespread;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    @Column(name = "aware_at")
    private Instant awareAt;

    @Column(name = "aware_zone")
    private String awareZone;

    private Instant deadline;

    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;

    private String authority;

    @Column(name = "reported_at")
    private Instant reportedAt;

    @Column(name = "report_complete")
    private boolean reportComplete;

    @Column(name = "report_note")
    private String reportNote;

    @Column(name = "provider_informed_at")
    private Instant providerInformedAt;

    private String investigation;

    @Column(name = "corrective_action")
    private String correctiveAction;

    @Column(name = "closure_note")
    private String closureNote;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "raised_by")
    private String raisedBy;

    @Column(name = "raised_at")
    private Instant raisedAt;

    @Version
    private long version;

    protected Incident() {}

    Incident(String reference, long systemId, Long findingId, String raisedBy, Instant raisedAt) {
        this.reference = reference;
        this.systemId = systemId;
        this.findingId = findingId;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    void describe(
            String title,
            String description,
            Kind kind,
            boolean widespread,
            LocalDate occurredOn,
            Instant awareAt,
            ZoneId zone) {
        if (status == Status.CLOSED) {
            throw new DomainRuleException("Incident " + reference + " is closed; it is no longer changed.");
        }
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.widespread = widespread;
        this.occurredOn = occurredOn;
        this.awareAt = awareAt;
        this.awareZone = zone.getId();
        this.deadline =
                IncidentDeadlines.deadline(kind, widespread, awareAt, zone).orElse(null);
    }

    /** The report (initial or complete) sent to the market surveillance authority. */
    void reported(String authority, Instant at, boolean complete, String note) {
        if (status == Status.CLOSED) {
            throw new DomainRuleException("Incident " + reference + " is closed; its report is no longer changed.");
        }
        if (!kind.serious()) {
            throw new DomainRuleException(
                    "kind", "An incident that is not serious is not reported to a market surveillance authority.");
        }
        this.authority = authority;
        this.reportedAt = at;
        this.reportComplete = complete;
        this.reportNote = note;
        this.status = Status.REPORTED;
    }

    void providerInformed(Instant at) {
        this.providerInformedAt = at;
    }

    void followedUp(String investigation, String correctiveAction) {
        if (status == Status.CLOSED) {
            throw new DomainRuleException(
                    "Incident " + reference + " is closed; reopen is not possible, raise a new one.");
        }
        this.investigation = investigation;
        this.correctiveAction = correctiveAction;
    }

    void close(String note, String by, Instant at) {
        if (status == Status.CLOSED) {
            throw new DomainRuleException("Incident " + reference + " is closed already.");
        }
        if (kind.serious() && (reportedAt == null || !reportComplete)) {
            throw new DomainRuleException(
                    "status",
                    "Incident " + reference + " is "
                            + (reportedAt == null ? "not reported yet" : "reported only " + "initially")
                            + ": a serious incident is closed after its complete report (Art. 73(5)).");
        }
        if (investigation == null || investigation.isBlank()) {
            throw new DomainRuleException(
                    "investigation",
                    "Record the investigation (Art. 73(6)) before closing incident " + reference + ".");
        }
        this.closureNote = note;
        this.closedBy = by;
        this.closedAt = at;
        this.status = Status.CLOSED;
    }

    public IncidentDeadlines.Standing standing(Instant now) {
        return IncidentDeadlines.standing(deadline, reportedAt, status == Status.CLOSED, now);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public long getSystemId() {
        return systemId;
    }

    public Long getFindingId() {
        return findingId;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Kind getKind() {
        return kind;
    }

    public boolean isWidespread() {
        return widespread;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public Instant getAwareAt() {
        return awareAt;
    }

    public ZoneId getAwareZone() {
        return ZoneId.of(awareZone);
    }

    public Instant getDeadline() {
        return deadline;
    }

    public Status getStatus() {
        return status;
    }

    public String getAuthority() {
        return authority;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public boolean isReportComplete() {
        return reportComplete;
    }

    public String getReportNote() {
        return reportNote;
    }

    public Instant getProviderInformedAt() {
        return providerInformedAt;
    }

    public String getInvestigation() {
        return investigation;
    }

    public String getCorrectiveAction() {
        return correctiveAction;
    }

    public String getClosureNote() {
        return closureNote;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public long getVersion() {
        return version;
    }
}
