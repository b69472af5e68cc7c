package dev.aegis.monitor;

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
 * A rule's breach: opened when a window breaches the rule, resolved when a later window no longer does. Its state
 * changes reach the audit log as {@link MonitorEvents.AlertRaised} and {@link MonitorEvents.AlertResolved}.
 */
@Entity
@Table(schema = "monitor", name = "alert")
public class Alert {

    public enum State {
        OPEN,
        RESOLVED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rule_id", nullable = false)
    private Long ruleId;

    @Column(name = "deployment_id", nullable = false)
    private Long deploymentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Metric metric;

    private String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "opening_value", nullable = false)
    private double openingValue;

    @Column(name = "last_value", nullable = false)
    private double lastValue;

    @Column(nullable = false)
    private double threshold;

    @Version
    private long version;

    protected Alert() {}

    Alert(AlertRule rule, String subject, Instant windowStart, double value, Instant now) {
        this.ruleId = rule.getId();
        this.deploymentId = rule.getDeploymentId();
        this.metric = rule.getMetric();
        this.subject = subject;
        this.state = State.OPEN;
        this.openedAt = now;
        this.windowStart = windowStart;
        this.openingValue = value;
        this.lastValue = value;
        this.threshold = rule.getThreshold();
    }

    void stillBreached(Instant window, double value) {
        this.windowStart = window;
        this.lastValue = value;
    }

    void resolve(Instant window, double value, Instant now) {
        if (state != State.OPEN) {
            throw new IllegalStateException("Alert " + id + " is " + state + ", not OPEN");
        }
        this.state = State.RESOLVED;
        this.windowStart = window;
        this.lastValue = value;
        this.resolvedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getRuleId() {
        return ruleId;
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

    public State getState() {
        return state;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public double getOpeningValue() {
        return openingValue;
    }

    public double getLastValue() {
        return lastValue;
    }

    public double getThreshold() {
        return threshold;
    }
}
