package dev.aegis.euaiact;

import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One classification of one AI system: immutable once written (no setters, no version: a new classification is a new
 * record with the next number). The answers are kept as JSON exactly as given.
 */
@Entity
@Table(schema = "euaiact", name = "classification")
public class ClassificationRecord {

    public enum Source {
        QUESTIONNAIRE,
        OVERRIDE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ai_system_id")
    private long systemId;

    private int number;

    @Enumerated(EnumType.STRING)
    private Source source;

    private String answers;

    @Enumerated(EnumType.STRING)
    private EuAiActTier tier;

    @Enumerated(EnumType.STRING)
    private EuAiActRole role;

    private String basis;
    private String grounds;
    private String duties;

    @Column(name = "fria_due")
    private boolean friaDue;

    @Column(name = "override_reason")
    private String overrideReason;

    @Column(name = "answered_by")
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    private String purpose;

    @Column(name = "model_type")
    private String modelType;

    private String deployment;

    protected ClassificationRecord() {}

    ClassificationRecord(
            long systemId,
            int number,
            Source source,
            String answers,
            Classifier.Outcome outcome,
            List<String> duties,
            String overrideReason,
            String answeredBy,
            Instant answeredAt,
            String purpose,
            String modelType,
            String deployment) {
        this.systemId = systemId;
        this.number = number;
        this.source = source;
        this.answers = answers;
        this.tier = outcome.tier();
        this.role = outcome.role();
        this.basis = outcome.basis();
        this.grounds = String.join("\n", outcome.grounds());
        this.duties = String.join("\n", duties);
        this.friaDue = outcome.friaDue();
        this.overrideReason = overrideReason;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.purpose = purpose;
        this.modelType = modelType;
        this.deployment = deployment;
    }

    public Long getId() {
        return id;
    }

    public long getSystemId() {
        return systemId;
    }

    public int getNumber() {
        return number;
    }

    public Source getSource() {
        return source;
    }

    public String getAnswers() {
        return answers;
    }

    public EuAiActTier getTier() {
        return tier;
    }

    public EuAiActRole getRole() {
        return role;
    }

    public String getBasis() {
        return basis;
    }

    public List<String> getGrounds() {
        return grounds == null || grounds.isBlank()
                ? List.of()
                : grounds.lines().toList();
    }

    /** "Article 26|why|2026-08-02" per duty. */
    List<String> dutyLines() {
        return duties == null || duties.isBlank() ? List.of() : duties.lines().toList();
    }

    public boolean isFriaDue() {
        return friaDue;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    String getPurpose() {
        return purpose;
    }

    String getModelType() {
        return modelType;
    }

    String getDeployment() {
        return deployment;
    }
}
