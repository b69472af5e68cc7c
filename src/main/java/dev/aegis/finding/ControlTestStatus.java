package dev.aegis.finding;

import dev.aegis.telemetry.TelemetryEvents.Outcome;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The latest outcome of one telemetry test (of one control applied to one system), kept from the results the
 * telemetry module announces, so the dashboard counts controls passing and failing without asking that module.
 */
@Entity
@Table(schema = "finding", name = "control_test_status")
class ControlTestStatus {

    @Id
    @Column(name = "test_id")
    private Long testId;

    @Column(name = "control_id")
    private long controlId;

    @Column(name = "system_id")
    private long systemId;

    @Column(name = "result_id")
    private long resultId;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String metric;
    private Double figure;
    private Double threshold;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected ControlTestStatus() {}

    ControlTestStatus(long testId) {
        this.testId = testId;
    }

    /** Takes the result unless a newer one is already here (results may arrive out of order). */
    boolean record(
            long controlId,
            long systemId,
            long resultId,
            Outcome outcome,
            String metric,
            Double figure,
            double threshold,
            Instant recordedAt) {
        if (this.recordedAt != null && recordedAt.isBefore(this.recordedAt)) {
            return false;
        }
        this.controlId = controlId;
        this.systemId = systemId;
        this.resultId = resultId;
        this.outcome = outcome;
        this.metric = metric;
        this.figure = figure;
        this.threshold = threshold;
        this.recordedAt = recordedAt;
        return true;
    }
}
