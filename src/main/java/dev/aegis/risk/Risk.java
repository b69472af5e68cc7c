package dev.aegis.risk;

import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Audited;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.validation.Checked;
import dev.aegis.shared.validation.SensibleDate;
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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/**
 * A risk in the register. Its steps are named after the governance workflow and refuse to run out of order, naming the
 * state the risk is in. Scores are likelihood × impact, kept in columns so the database sorts by them. Every change is
 * in the audit log with its before and after.
 */
@Entity
@Audited
@Table(schema = "risk", name = "risk")
public class Risk implements dev.aegis.shared.AuditLabelled {

    /** The most characters of an acceptance's rationale or a reopening's reason. */
    public static final int TEXT_MAX = 4000;

    /**
     * How many risks' collections Hibernate loads in one statement: a page of the register (up to 500) or of an export
     * costs three statements for its systems, threats and requirements instead of three per risk.
     */
    static final int BATCH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private Category category;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = Risk.BATCH)
    @CollectionTable(schema = "risk", name = "risk_system", joinColumns = @JoinColumn(name = "risk_id"))
    @Column(name = "system_id")
    private Set<Long> systems = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = Risk.BATCH)
    @CollectionTable(schema = "risk", name = "risk_threat", joinColumns = @JoinColumn(name = "risk_id"))
    @Column(name = "requirement_id")
    private Set<Long> threats = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = Risk.BATCH)
    @CollectionTable(schema = "risk", name = "risk_requirement", joinColumns = @JoinColumn(name = "risk_id"))
    @Column(name = "requirement_id")
    private Set<Long> requirements = new HashSet<>();

    @Column(name = "inherent_likelihood")
    private int inherentLikelihood;

    @Column(name = "inherent_impact")
    private int inherentImpact;

    @Column(name = "inherent_score")
    private int inherentScore;

    @Column(name = "residual_likelihood")
    private Integer residualLikelihood;

    @Column(name = "residual_impact")
    private Integer residualImpact;

    @Column(name = "residual_score")
    private Integer residualScore;

    @Enumerated(EnumType.STRING)
    private Treatment treatment;

    private String owner;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "accepted_by")
    private String acceptedBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "acceptance_rationale")
    private String acceptanceRationale;

    @Column(name = "acceptance_expires_on")
    private LocalDate acceptanceExpiresOn;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "reassessment_reason")
    private String reassessmentReason;

    @Column(name = "reassessment_flagged_at")
    private Instant reassessmentFlaggedAt;

    @Version
    private long version;

    protected Risk() {}

    /** A newly identified risk. */
    Risk(Instant now) {
        this.status = Status.IDENTIFIED;
        this.createdAt = now;
    }

    /** Who approves an acceptance, and whether their role allows it (governance officer or administrator). */
    public record Approver(String username, boolean governs) {}

    /** Takes the stated details. A closed risk is reopened before it changes. */
    void describe(RiskDetails d, String defaultOwner, Instant now) {
        if (status == Status.CLOSED) {
            throw new DomainRuleException("status", "The risk is closed: reopen it before changing it.");
        }
        String newOwner = blank(d.owner()) == null ? defaultOwner : d.owner().trim();
        if (acceptedBy != null && acceptedBy.equalsIgnoreCase(newOwner)) {
            throw new DomainRuleException(
                    "owner",
                    "The risk was accepted by " + acceptedBy + "; the person who accepted a risk cannot own it.");
        }
        title = d.title().trim();
        description = blank(d.description());
        category = d.category();
        replace(systems, d.systems());
        replace(threats, d.threats());
        replace(requirements, d.requirements());
        rateInherent(d.inherentLikelihood(), d.inherentImpact());
        owner = newOwner;
        dueDate = d.dueDate();
        updatedAt = now;
    }

    /** identified → assessed: the inherent likelihood and impact, before any treatment. */
    void assess(int likelihood, int impact, Instant now) {
        requireStatus("assessed", Status.IDENTIFIED);
        rateInherent(likelihood, impact);
        status = Status.ASSESSED;
        reassessed();
        updatedAt = now;
    }

    /**
     * assessed → treated: how the risk is treated and what remains of it. Accepting is its own step. A treated risk
     * flagged for reassessment (a finding put its residual score in doubt) is treated again to re-rate what remains.
     */
    void treat(Treatment how, int likelihood, int impact, Instant now) {
        if (!(status == Status.TREATED && isFlaggedForReassessment())) {
            requireStatus("treated", Status.ASSESSED);
        }
        if (how == null) {
            throw new DomainRuleException("treatment", "Choose the treatment: mitigate, transfer or avoid.");
        }
        if (how == Treatment.ACCEPT) {
            throw new DomainRuleException(
                    "treatment",
                    "Accepting a risk is its own step: it needs an approver other than the owner, a rationale and an expiry date.");
        }
        requireScale("residualLikelihood", likelihood);
        requireScale("residualImpact", impact);
        treatment = how;
        residualLikelihood = likelihood;
        residualImpact = impact;
        residualScore = likelihood * impact;
        status = Status.TREATED;
        reassessed();
        updatedAt = now;
    }

    /**
     * assessed or treated → accepted, until a date. The approver is a governance officer or an administrator who does
     * not own the risk, gives a rationale, and sets an expiry in the future; when it passes the risk reopens.
     */
    void accept(Approver approver, String rationale, LocalDate until, LocalDate today, Instant now) {
        requireStatus("accepted", Status.ASSESSED, Status.TREATED);
        if (approver == null || !approver.governs()) {
            throw new DomainRuleException(
                    "acceptedBy", "Only a governance officer or an administrator accepts a risk.");
        }
        if (approver.username().equalsIgnoreCase(owner)) {
            throw new DomainRuleException(
                    "acceptedBy",
                    "The owner of a risk cannot accept it; a governance officer or administrator other than " + owner
                            + " must.");
        }
        if (rationale == null || rationale.isBlank()) {
            throw new DomainRuleException("rationale", "Say why the risk is accepted.");
        }
        Checked.limited("rationale", "The rationale", rationale.trim(), TEXT_MAX);
        if (until == null || !until.isAfter(today)) {
            throw new DomainRuleException("expiresOn", "An acceptance expires on a date in the future.");
        }
        if (!SensibleDate.Check.sensible(until)) {
            throw new DomainRuleException(
                    "expiresOn", "An acceptance expires by 31 December " + SensibleDate.LAST_YEAR + " at the latest.");
        }
        treatment = Treatment.ACCEPT;
        acceptedBy = approver.username();
        acceptedAt = now;
        acceptanceRationale = rationale.trim();
        acceptanceExpiresOn = until;
        status = Status.ACCEPTED;
        reassessed();
        updatedAt = now;
    }

    /** treated or accepted → closed. */
    void close(Instant now) {
        requireStatus("closed", Status.TREATED, Status.ACCEPTED);
        status = Status.CLOSED;
        updatedAt = now;
    }

    /**
     * closed or accepted → identified again: the risk goes through assessment and treatment anew, so its treatment,
     * residual rating and acceptance are cleared (the audit log keeps them).
     */
    void reopen(String reason, Instant now) {
        requireStatus("reopened", Status.CLOSED, Status.ACCEPTED);
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleException("reason", "Say why the risk is reopened.");
        }
        Checked.limited("reason", "The reason", reason.trim(), TEXT_MAX);
        treatment = null;
        residualLikelihood = null;
        residualImpact = null;
        residualScore = null;
        acceptedBy = null;
        acceptedAt = null;
        acceptanceRationale = null;
        acceptanceExpiresOn = null;
        status = Status.IDENTIFIED;
        updatedAt = now;
    }

    /**
     * Marks the residual score as in doubt, e.g. because a control mitigating the risk failed a test; the mark stays
     * (the first reason kept, the newest added) until the risk is next assessed, treated or accepted.
     */
    void flagForReassessment(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleException("reason", "Say why the risk is to be reassessed.");
        }
        reassessmentReason = reason.trim();
        reassessmentFlaggedAt = now;
    }

    private void reassessed() {
        reassessmentReason = null;
        reassessmentFlaggedAt = null;
    }

    /** Whether the residual score is to be reassessed (a finding put it in doubt). */
    public boolean isFlaggedForReassessment() {
        return reassessmentFlaggedAt != null;
    }

    /** Whether the acceptance ran out before the given day. */
    boolean acceptanceExpiredBy(LocalDate today) {
        return status == Status.ACCEPTED && acceptanceExpiresOn != null && acceptanceExpiresOn.isBefore(today);
    }

    private void requireStatus(String step, Status... allowed) {
        for (Status s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new DomainRuleException(
                "status",
                "The risk is " + word(status) + "; it can be " + step + " only when it is "
                        + String.join(
                                " or ",
                                java.util.Arrays.stream(allowed).map(Risk::word).toList()) + ".");
    }

    /** A status as a sentence names it: "identified", "closed". */
    private static String word(Status s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    private void rateInherent(Integer likelihood, Integer impact) {
        requireScale("inherentLikelihood", likelihood);
        requireScale("inherentImpact", impact);
        inherentLikelihood = likelihood;
        inherentImpact = impact;
        inherentScore = likelihood * impact;
    }

    private static void requireScale(String field, Integer value) {
        if (value == null || value < 1 || value > 5) {
            throw new DomainRuleException(field, "Rate " + field + " from 1 to 5.");
        }
    }

    private static void replace(Set<Long> target, Set<Long> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Names who saved last: the signed-in user, or the system for scheduled steps. */
    @PrePersist
    @PreUpdate
    void stampAuthor() {
        updatedBy = Actors.current();
    }

    /** Whether the user owns the risk. */
    public boolean isOwnedBy(String username) {
        return username != null && username.equalsIgnoreCase(owner);
    }

    public RiskDetails details() {
        return new RiskDetails(
                title,
                description,
                category,
                Set.copyOf(systems),
                Set.copyOf(threats),
                Set.copyOf(requirements),
                inherentLikelihood,
                inherentImpact,
                owner,
                dueDate);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Category getCategory() {
        return category;
    }

    public Set<Long> getSystems() {
        return Set.copyOf(systems);
    }

    public Set<Long> getThreats() {
        return Set.copyOf(threats);
    }

    public Set<Long> getRequirements() {
        return Set.copyOf(requirements);
    }

    public int getInherentLikelihood() {
        return inherentLikelihood;
    }

    public int getInherentImpact() {
        return inherentImpact;
    }

    public int getInherentScore() {
        return inherentScore;
    }

    public Integer getResidualLikelihood() {
        return residualLikelihood;
    }

    public Integer getResidualImpact() {
        return residualImpact;
    }

    public Integer getResidualScore() {
        return residualScore;
    }

    public Treatment getTreatment() {
        return treatment;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Status getStatus() {
        return status;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getAcceptanceRationale() {
        return acceptanceRationale;
    }

    public LocalDate getAcceptanceExpiresOn() {
        return acceptanceExpiresOn;
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

    public String getReassessmentReason() {
        return reassessmentReason;
    }

    public Instant getReassessmentFlaggedAt() {
        return reassessmentFlaggedAt;
    }

    public long getVersion() {
        return version;
    }

    /** How the audit log names this risk. */
    @Override
    public String auditLabel() {
        return (id == null ? "" : "R-" + id + " · ") + title;
    }
}
