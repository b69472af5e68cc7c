package dev.aegis.euaiact;

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

/** The post-market monitoring plan of one AI system (Art. 72(3)); its live data sources are read, not kept. */
@Entity
@Table(schema = "euaiact", name = "monitoring_plan")
public class MonitoringPlan {

    public enum Cadence {
        WEEKLY("Weekly"),
        MONTHLY("Monthly"),
        QUARTERLY("Quarterly"),
        YEARLY("Yearly");

        private final String label;

        Cadence(String label) {
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

    private String objectives;

    @Column(name = "other_sources")
    private String otherSources;

    @Enumerated(EnumType.STRING)
    private Cadence cadence;

    private String reviewer;
    private String evaluation;
    private String actions;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected MonitoringPlan() {}

    MonitoringPlan(long systemId) {
        this.systemId = systemId;
    }

    void write(
            String objectives,
            String otherSources,
            Cadence cadence,
            String reviewer,
            String evaluation,
            String actions,
            String by,
            Instant at) {
        this.objectives = objectives;
        this.otherSources = otherSources;
        this.cadence = cadence;
        this.reviewer = reviewer;
        this.evaluation = evaluation;
        this.actions = actions;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getSystemId() {
        return systemId;
    }

    public String getObjectives() {
        return objectives;
    }

    public String getOtherSources() {
        return otherSources;
    }

    public Cadence getCadence() {
        return cadence;
    }

    public String getReviewer() {
        return reviewer;
    }

    public String getEvaluation() {
        return evaluation;
    }

    public String getActions() {
        return actions;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
