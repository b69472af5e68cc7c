package dev.aegis.telemetry;

import dev.aegis.shared.MetricVocabulary;
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

/**
 * A telemetry test on a control applied to an AI system, e.g. "PSI below 0.2 on every feature over 1 h with at least
 * 500 events": run against each deployment the system is linked to, once per window of its resolution.
 */
@Entity
@Table(schema = "telemetry", name = "telemetry_test")
public class TelemetryTest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "control_id")
    private long controlId;

    @Column(name = "ai_system_id")
    private long systemId;

    private String metric;
    private String subject;

    @Enumerated(EnumType.STRING)
    private Comparison comparison;

    private double threshold;
    private String resolution;

    @Column(name = "min_sample_size")
    private long minSampleSize;

    private String query;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected TelemetryTest() {}

    TelemetryTest(long controlId, long systemId, TestDefinition d, String by, Instant at) {
        this.controlId = controlId;
        this.systemId = systemId;
        this.createdBy = by;
        this.createdAt = at;
        define(d, at);
    }

    void define(TestDefinition d, Instant at) {
        this.metric = d.metric();
        this.subject = d.subject() == null || d.subject().isBlank()
                ? null
                : d.subject().trim();
        this.comparison = d.comparison();
        this.threshold = d.threshold();
        this.resolution = d.window();
        this.minSampleSize = d.minSampleSize();
        this.query = d.query() == null || d.query().isBlank() ? null : d.query().trim();
        this.updatedAt = at;
    }

    public TestDefinition definition() {
        return new TestDefinition(metric, subject, comparison, threshold, resolution, minSampleSize, query);
    }

    /** "PSI < 0.2 on every feature over 1h, n ≥ 500" */
    public String describe() {
        return describe(metric, subject, comparison, threshold, resolution, minSampleSize);
    }

    static String describe(
            String metric,
            String subject,
            Comparison comparison,
            double threshold,
            String resolution,
            long minSampleSize) {
        return MetricVocabulary.metricInSentence(metric) + " " + comparison.symbol() + " "
                + MetricVocabulary.format(metric, threshold)
                + (subject == null ? Metrics.figure(metric) ? " on every subject" : "" : " on " + subject)
                + " over " + resolution + (minSampleSize > 0 ? ", n ≥ " + minSampleSize : "");
    }

    public Long getId() {
        return id;
    }

    public long getControlId() {
        return controlId;
    }

    public long getSystemId() {
        return systemId;
    }

    public String getMetric() {
        return metric;
    }

    public String getSubject() {
        return subject;
    }

    public Comparison getComparison() {
        return comparison;
    }

    public double getThreshold() {
        return threshold;
    }

    public String getResolution() {
        return resolution;
    }

    public long getMinSampleSize() {
        return minSampleSize;
    }

    public String getQuery() {
        return query;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
