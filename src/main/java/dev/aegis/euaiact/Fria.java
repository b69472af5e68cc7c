package dev.aegis.euaiact;

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
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One numbered version of a deployer's fundamental rights impact assessment (Art. 27): a draft its authors change,
 * approved by someone else, then fixed; the notification of the market surveillance authority (Art. 27(3)) is recorded
 * on an approved version.
 */
@Entity
@Table(schema = "euaiact", name = "fria")
public class Fria {

    public enum Status {
        DRAFT("Draft"),
        APPROVED("Approved");

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

    @Column(name = "ai_system_id")
    private long systemId;

    private int number;
    private String processes;

    @Column(name = "period_and_frequency")
    private String periodAndFrequency;

    @Column(name = "persons_affected")
    private String personsAffected;

    @Column(name = "risks_of_harm")
    private String risksOfHarm;

    @Column(name = "human_oversight")
    private String humanOversight;

    private String measures;

    @Column(name = "risk_ids")
    private String riskIds = "";

    @Enumerated(EnumType.STRING)
    private Status status = Status.DRAFT;

    @Column(name = "drafted_by")
    private String draftedBy;

    @Column(name = "drafted_at")
    private Instant draftedAt;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "approved_at")
    private Instant approvedAt;

    private String authority;

    @Column(name = "authority_notified_on")
    private LocalDate authorityNotifiedOn;

    @Version
    private long version;

    protected Fria() {}

    Fria(long systemId, int number, String draftedBy, Instant draftedAt) {
        this.systemId = systemId;
        this.number = number;
        this.draftedBy = draftedBy;
        this.draftedAt = draftedAt;
    }

    void write(
            String processes,
            String periodAndFrequency,
            String personsAffected,
            String risksOfHarm,
            String humanOversight,
            String measures,
            List<Long> risks) {
        if (status != Status.DRAFT) {
            throw new DomainRuleException(
                    "Version " + number + " is approved and no longer changed: start a new version from it.");
        }
        this.processes = processes;
        this.periodAndFrequency = periodAndFrequency;
        this.personsAffected = personsAffected;
        this.risksOfHarm = risksOfHarm;
        this.humanOversight = humanOversight;
        this.measures = measures;
        this.riskIds = risks == null
                ? ""
                : risks.stream().distinct().map(String::valueOf).collect(Collectors.joining(","));
    }

    void approve(String by, Instant at) {
        if (status != Status.DRAFT) {
            throw new DomainRuleException("Version " + number + " is approved already.");
        }
        if (by.equalsIgnoreCase(draftedBy)) {
            throw new DomainRuleException(
                    "Version " + number + " was drafted by " + draftedBy + ": someone else approves it (four eyes).");
        }
        this.status = Status.APPROVED;
        this.approvedBy = by;
        this.approvedAt = at;
    }

    void notified(String authority, LocalDate on) {
        if (status != Status.APPROVED) {
            throw new DomainRuleException(
                    "status",
                    "Approve the assessment before notifying the market surveillance authority of its results.");
        }
        this.authority = authority;
        this.authorityNotifiedOn = on;
    }

    public Long getId() {
        return id;
    }

    public long getSystemId() {
        return systemId;
    }

    public int getNumber() {
        return number;
    }

    public String getProcesses() {
        return processes;
    }

    public String getPeriodAndFrequency() {
        return periodAndFrequency;
    }

    public String getPersonsAffected() {
        return personsAffected;
    }

    public String getRisksOfHarm() {
        return risksOfHarm;
    }

    public String getHumanOversight() {
        return humanOversight;
    }

    public String getMeasures() {
        return measures;
    }

    public List<Long> getRiskIds() {
        return riskIds == null || riskIds.isBlank()
                ? List.of()
                : Arrays.stream(riskIds.split(",")).map(Long::valueOf).toList();
    }

    public Status getStatus() {
        return status;
    }

    public String getDraftedBy() {
        return draftedBy;
    }

    public Instant getDraftedAt() {
        return draftedAt;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public Instant getApprovedAt() {
        return approvedAt;
    }

    public String getAuthority() {
        return authority;
    }

    public LocalDate getAuthorityNotifiedOn() {
        return authorityNotifiedOn;
    }

    public long getVersion() {
        return version;
    }
}
