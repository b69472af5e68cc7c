package dev.aegis.telemetry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An AI system linked to one monitored deployment of a telemetry source; a system may have several. */
@Entity
@Table(schema = "telemetry", name = "deployment_link")
public class DeploymentLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ai_system_id")
    private long systemId;

    @Column(name = "source_id")
    private long sourceId;

    private String deployment;

    @Column(name = "linked_by")
    private String linkedBy;

    @Column(name = "linked_at")
    private Instant linkedAt;

    protected DeploymentLink() {}

    DeploymentLink(long systemId, long sourceId, String deployment, String linkedBy, Instant linkedAt) {
        this.systemId = systemId;
        this.sourceId = sourceId;
        this.deployment = deployment;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    public Long getId() {
        return id;
    }

    public long getSystemId() {
        return systemId;
    }

    public long getSourceId() {
        return sourceId;
    }

    public String getDeployment() {
        return deployment;
    }

    public String getLinkedBy() {
        return linkedBy;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }
}
