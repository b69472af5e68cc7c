package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceDetails.Dates;
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

/**
 * An item of the evidence register. It keeps the dates and review sign-off of its current version so the register can
 * filter and sort by them in the database; each {@link EvidenceVersion} keeps its own. Changes are told to the audit
 * log by the events in {@link EvidenceEvents}.
 */
@Entity
@Table(schema = "evidence", name = "evidence_item")
public class EvidenceItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    private EvidenceKind kind;

    private String owner;

    @Column(name = "current_version")
    private int currentVersion;

    @Column(name = "collected_on")
    private LocalDate collectedOn;

    @Column(name = "effective_from")
    private LocalDate effectiveFrom;

    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "record_key")
    private String recordKey;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected EvidenceItem() {}

    EvidenceItem(EvidenceKind kind, String recordKey, String createdBy, Instant now) {
        this.kind = kind;
        this.recordKey = recordKey;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes the title, description and owner. */
    void describe(String title, String description, String owner, Instant now) {
        if (title == null || title.isBlank()) {
            throw new DomainRuleException("title", "Give the evidence a title.");
        }
        if (owner == null || owner.isBlank()) {
            throw new DomainRuleException("owner", "Name the owner (a user name).");
        }
        this.title = title.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.owner = owner.strip();
        this.updatedAt = now;
    }

    /** The dates of the current version changed (or a new version became current): the item shows them. */
    void showDates(Dates dates, Instant now) {
        collectedOn = dates.collectedOn();
        effectiveFrom = dates.effectiveFrom();
        effectiveTo = dates.effectiveTo();
        expiresOn = dates.expiresOn();
        updatedAt = now;
    }

    /** A new version became current: its dates show, and the sign-off of the old one no longer holds. */
    void advanceTo(int number, Dates dates, Instant now) {
        currentVersion = number;
        showDates(dates, now);
        reviewedBy = null;
        reviewedAt = null;
    }

    /** The current version was reviewed and signed off. */
    void signOff(String reviewer, Instant at) {
        reviewedBy = reviewer;
        reviewedAt = at;
        updatedAt = at;
    }

    /** Some other change (links) that should still move the optimistic-lock version. */
    void touch(Instant now) {
        updatedAt = now;
    }

    /** Whether the item no longer counts on this day (valid through the day before its expiry). */
    public boolean isExpiredOn(LocalDate day) {
        return expiresOn != null && !expiresOn.isAfter(day);
    }

    public boolean isReviewed() {
        return reviewedBy != null;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public EvidenceKind getKind() {
        return kind;
    }

    public String getOwner() {
        return owner;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public LocalDate getCollectedOn() {
        return collectedOn;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getRecordKey() {
        return recordKey;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public Dates dates() {
        return new Dates(collectedOn, effectiveFrom, effectiveTo, expiresOn);
    }
}
