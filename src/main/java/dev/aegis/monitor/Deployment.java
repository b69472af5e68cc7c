package dev.aegis.monitor;

import dev.aegis.shared.Audited;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One model version being served, whose predictions the monitor takes in. */
@Entity
@Table(schema = "monitor", name = "deployment")
@Audited
public class Deployment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "model_version", nullable = false)
    private String modelVersion;

    @Column(nullable = false)
    private String owner;

    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "monitor", name = "deployment_feature", joinColumns = @JoinColumn(name = "deployment_id"))
    @OrderColumn(name = "position")
    private List<Feature> features = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "monitor", name = "deployment_label", joinColumns = @JoinColumn(name = "deployment_id"))
    @OrderColumn(name = "position")
    @Column(name = "label")
    private List<String> labels = new ArrayList<>();

    @Column(name = "has_score", nullable = false)
    private boolean hasScore;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(
            schema = "monitor",
            name = "deployment_protected_attribute",
            joinColumns = @JoinColumn(name = "deployment_id"))
    @Column(name = "attribute")
    private Set<String> protectedAttributes = new LinkedHashSet<>();

    @Column(name = "latency_budget_ms")
    private Double latencyBudgetMs;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "monitor", name = "deployment_pattern", joinColumns = @JoinColumn(name = "deployment_id"))
    @OrderColumn(name = "position")
    private List<PersonalDataPattern> personalDataPatterns = new ArrayList<>();

    /** Days prompt and response text are kept for investigation; null: never kept (the default). */
    @Column(name = "raw_text_days")
    private Integer rawTextDays;

    @Embedded
    private ReferenceWindow reference = ReferenceWindow.none();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Deployment() {}

    Deployment(DeploymentDetails details, Instant now) {
        this.createdAt = now;
        apply(details, now);
    }

    void apply(DeploymentDetails d, Instant now) {
        name = d.name().trim();
        modelVersion = d.modelVersion().trim();
        owner = d.owner().trim();
        description = d.description() == null || d.description().isBlank()
                ? null
                : d.description().trim();
        features.clear();
        features.addAll(d.features());
        labels.clear();
        labels.addAll(d.labels());
        hasScore = d.hasScore();
        protectedAttributes.clear();
        protectedAttributes.addAll(d.protectedAttributes());
        latencyBudgetMs = d.latencyBudgetMs();
        reference = d.reference();
        updatedAt = now;
    }

    public DeploymentDetails details() {
        return new DeploymentDetails(
                name,
                modelVersion,
                owner,
                description,
                features,
                labels,
                hasScore,
                List.copyOf(protectedAttributes),
                latencyBudgetMs,
                reference == null ? ReferenceWindow.none() : reference);
    }

    /** The LLM settings: the deployment's own personal-data patterns and the raw-text retention (checked before). */
    void configureLlm(List<PersonalDataPattern> patterns, Integer days, Instant now) {
        personalDataPatterns.clear();
        personalDataPatterns.addAll(patterns);
        rawTextDays = days;
        updatedAt = now;
    }

    public List<PersonalDataPattern> getPersonalDataPatterns() {
        return List.copyOf(personalDataPatterns);
    }

    public Integer getRawTextDays() {
        return rawTextDays;
    }

    public Optional<Feature> feature(String featureName) {
        return features.stream().filter(f -> f.name().equals(featureName)).findFirst();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getModelVersion() {
        return modelVersion;
    }

    public String getOwner() {
        return owner;
    }

    public String getDescription() {
        return description;
    }

    public List<Feature> getFeatures() {
        return List.copyOf(features);
    }

    public List<String> getLabels() {
        return List.copyOf(labels);
    }

    public boolean isHasScore() {
        return hasScore;
    }

    public Set<String> getProtectedAttributes() {
        return Set.copyOf(protectedAttributes);
    }

    public Double getLatencyBudgetMs() {
        return latencyBudgetMs;
    }

    public ReferenceWindow getReference() {
        return reference == null ? ReferenceWindow.none() : reference;
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
}
