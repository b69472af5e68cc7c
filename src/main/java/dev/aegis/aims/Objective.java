package dev.aegis.aims;

import dev.aegis.aims.ObjectiveVocabulary.Direction;
import dev.aegis.aims.ObjectiveVocabulary.Indicator;
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

/** An AI objective (ISO/IEC 42001 6.2): an owner, a measurable indicator and a target, in force until retired. */
@Entity
@Audited
@Table(schema = "aims", name = "objective")
class Objective {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;
    private String title;
    private String description;
    private String owner;

    @Enumerated(EnumType.STRING)
    private Indicator indicator;

    private String unit;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    private double target;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "retired_by")
    private String retiredBy;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "retired_why")
    private String retiredWhy;

    @Version
    private long version;

    protected Objective() {}

    Objective(String reference, String createdBy, Instant createdAt) {
        this.reference = reference;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void describe(
            String title,
            String description,
            String owner,
            Indicator indicator,
            String unit,
            Direction direction,
            double target,
            LocalDate dueOn) {
        requireInForce("changed");
        this.title = title;
        this.description = description;
        this.owner = owner;
        this.indicator = indicator;
        this.unit = unit;
        this.direction = direction;
        this.target = target;
        this.dueOn = dueOn;
    }

    void retire(String by, Instant at, String why) {
        requireInForce("retired again");
        this.retiredBy = by;
        this.retiredAt = at;
        this.retiredWhy = why;
    }

    void requireInForce(String what) {
        if (retiredAt != null) {
            throw new DomainRuleException(
                    "retired",
                    reference + " was retired on "
                            + dev.aegis.shared.Dates.day(
                                    java.time.LocalDate.ofInstant(retiredAt, java.time.ZoneOffset.UTC))
                            + ", so it " + "cannot be " + what + ".");
        }
    }

    boolean inForceAt(Instant at) {
        return !createdAt.isAfter(at) && (retiredAt == null || retiredAt.isAfter(at));
    }

    Long getId() {
        return id;
    }

    String getReference() {
        return reference;
    }

    String getTitle() {
        return title;
    }

    String getDescription() {
        return description;
    }

    String getOwner() {
        return owner;
    }

    Indicator getIndicator() {
        return indicator;
    }

    String getUnit() {
        return unit;
    }

    Direction getDirection() {
        return direction;
    }

    double getTarget() {
        return target;
    }

    LocalDate getDueOn() {
        return dueOn;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getRetiredBy() {
        return retiredBy;
    }

    Instant getRetiredAt() {
        return retiredAt;
    }

    String getRetiredWhy() {
        return retiredWhy;
    }

    long getVersion() {
        return version;
    }
}
