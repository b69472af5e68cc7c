package dev.aegis.monitor;

import dev.aegis.shared.Audited;
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
import org.hibernate.annotations.OptimisticLock;

/**
 * When a metric of a deployment's window counts as a breach: {@code metric comparison threshold} on windows of the
 * given resolution holding at least {@code minSamples} events. A rule without subject watches every feature or
 * group the metric is computed for, each with an alert of its own.
 */
@Entity
@Table(schema = "monitor", name = "alert_rule")
@Audited(bookkeeping = "lastEvaluatedAt")
public class AlertRule {

    public enum Comparison {
        GT(">"),
        LT("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean breached(double value, double threshold) {
            return this == GT ? value > threshold : value < threshold;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "deployment_id", nullable = false)
    private Long deploymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Metric metric;

    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Comparison comparison;

    @Column(nullable = false)
    private double threshold;

    @Column(nullable = false)
    private String resolution;

    @Column(name = "min_samples", nullable = false)
    private long minSamples;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "default_rule", nullable = false)
    private boolean defaultRule;

    @Column(name = "last_evaluated_at")
    // bookkeeping: an evaluation (the scheduler's, or one asked for meanwhile) bumps no version, so two never conflict
    @OptimisticLock(excluded = true)
    private Instant lastEvaluatedAt;

    @Version
    private long version;

    protected AlertRule() {}

    AlertRule(long deploymentId, RuleDetails details, boolean defaultRule) {
        this.deploymentId = deploymentId;
        this.defaultRule = defaultRule;
        apply(details);
    }

    void apply(RuleDetails d) {
        metric = d.metric();
        subject = d.subject() == null || d.subject().isBlank()
                ? null
                : d.subject().trim();
        comparison = d.comparison();
        threshold = d.threshold();
        resolution = d.resolution().code();
        minSamples = d.minSamples();
        enabled = d.enabled();
    }

    void evaluatedAt(Instant at) {
        lastEvaluatedAt = at;
    }

    public RuleDetails details() {
        return new RuleDetails(metric, subject, comparison, threshold, Resolution.of(resolution), minSamples, enabled);
    }

    /** As people read it, e.g. {@code PSI(age) > 0.2 on 1h windows, n ≥ 500}. */
    public String describe() {
        return metric + (subject == null ? "" : "(" + subject + ")") + " " + comparison.symbol() + " " + threshold
                + " on " + resolution + " windows" + (minSamples > 0 ? ", n ≥ " + minSamples : "");
    }

    public Long getId() {
        return id;
    }

    public Long getDeploymentId() {
        return deploymentId;
    }

    public Metric getMetric() {
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

    public Resolution getResolution() {
        return Resolution.of(resolution);
    }

    public long getMinSamples() {
        return minSamples;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isDefaultRule() {
        return defaultRule;
    }

    public Instant getLastEvaluatedAt() {
        return lastEvaluatedAt;
    }

    public long getVersion() {
        return version;
    }
}
