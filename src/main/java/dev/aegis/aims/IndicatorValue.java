package dev.aegis.aims;

import dev.aegis.shared.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** An objective's indicator measured on a day: computed by Aegis (with what it counted) or entered by hand. */
@Entity
@Audited
@Table(schema = "aims", name = "indicator_value")
class IndicatorValue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "objective_id", updatable = false)
    private long objectiveId;

    @Column(name = "measured_on", updatable = false)
    private LocalDate measuredOn;

    private double value;
    private boolean computed;
    private String basis;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Version
    private long version;

    protected IndicatorValue() {}

    IndicatorValue(long objectiveId, LocalDate measuredOn) {
        this.objectiveId = objectiveId;
        this.measuredOn = measuredOn;
    }

    void record(double value, boolean computed, String basis, String by, Instant at) {
        this.value = value;
        this.computed = computed;
        this.basis = basis;
        this.recordedBy = by;
        this.recordedAt = at;
    }

    Long getId() {
        return id;
    }

    long getObjectiveId() {
        return objectiveId;
    }

    LocalDate getMeasuredOn() {
        return measuredOn;
    }

    double getValue() {
        return value;
    }

    boolean isComputed() {
        return computed;
    }

    String getBasis() {
        return basis;
    }

    String getRecordedBy() {
        return recordedBy;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }
}
