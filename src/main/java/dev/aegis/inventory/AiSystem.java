package dev.aegis.inventory;

import dev.aegis.inventory.Classification.AffectedGroup;
import dev.aegis.inventory.Classification.Autonomy;
import dev.aegis.inventory.Classification.DataCategory;
import dev.aegis.inventory.Classification.Deployment;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.Classification.LifecycleStage;
import dev.aegis.inventory.Classification.ModelType;
import dev.aegis.inventory.Classification.Status;
import dev.aegis.shared.Audited;
import dev.aegis.shared.DomainRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** An AI system in the inventory. Every change is in the audit log with its before and after. */
@Entity
@Audited
@Table(schema = "inventory", name = "ai_system")
public class AiSystem {

    /**
     * How many systems' collections Hibernate loads in one statement: a page of the inventory or of an export (1,000
     * rows) costs two statements per batch for data categories and affected groups instead of two per system.
     */
    static final int BATCH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String purpose;

    @Column(name = "intended_use")
    private String intendedUse;

    @Column(name = "business_owner")
    private String businessOwner;

    @Column(name = "technical_owner")
    private String technicalOwner;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    private LifecycleStage lifecycleStage;

    @Enumerated(EnumType.STRING)
    private Deployment deployment;

    @Enumerated(EnumType.STRING)
    @Column(name = "model_type")
    private ModelType modelType;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = AiSystem.BATCH)
    @CollectionTable(
            schema = "inventory",
            name = "ai_system_data_category",
            joinColumns = @JoinColumn(name = "ai_system_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    private Set<DataCategory> dataCategories = EnumSet.noneOf(DataCategory.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = AiSystem.BATCH)
    @CollectionTable(
            schema = "inventory",
            name = "ai_system_affected_group",
            joinColumns = @JoinColumn(name = "ai_system_id"))
    @Column(name = "affected")
    @Enumerated(EnumType.STRING)
    private Set<AffectedGroup> peopleAffected = EnumSet.noneOf(AffectedGroup.class);

    @Enumerated(EnumType.STRING)
    private Autonomy autonomy;

    @Column(name = "human_oversight")
    private String humanOversight;

    @Enumerated(EnumType.STRING)
    @Column(name = "eu_ai_act_tier")
    private EuAiActTier euAiActTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "eu_ai_act_role")
    private EuAiActRole euAiActRole;

    /** "Article 26|why" per line: set by the EU AI Act classification only ({@link #classify}). */
    @Column(name = "eu_ai_act_duties")
    private String euAiActDuties;

    @Column(name = "vendor_name")
    private String vendorName;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "next_review")
    private LocalDate nextReview;

    @Column(name = "data_provenance")
    private String dataProvenance;

    @Column(name = "consent_basis")
    private String consentBasis;

    @Column(name = "data_minimisation")
    private String dataMinimisation;

    @Column(name = "dependency_scanning")
    private String dependencyScanning;

    @Column(name = "code_review")
    private String codeReview;

    @Column(name = "privacy_preserving_training")
    private String privacyPreservingTraining;

    @Column(name = "training_access_logging")
    private String trainingAccessLogging;

    @Column(name = "serving_hardening")
    private String servingHardening;

    @Column(name = "drift_monitoring")
    private String driftMonitoring;

    @Column(name = "adversarial_monitoring")
    private String adversarialMonitoring;

    @Column(name = "deletion_date")
    private LocalDate deletionDate;

    @Column(name = "deletion_method")
    private String deletionMethod;

    @Column(name = "deletion_signed_off_by")
    private String deletionSignedOffBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected AiSystem() {}

    AiSystem(Instant now) {
        this.createdAt = now;
    }

    /**
     * Takes the stated details. A system is marked retired only with its deletion record (date, method, sign-off) of
     * data and model.
     */
    void describe(AiSystemDetails d, Instant now) {
        if (d.status() == Status.RETIRED && !d.hasDeletionRecord()) {
            throw new DomainRuleException(
                    "deletionDate",
                    "A system is retired only with the record of the secure deletion of its data and model: "
                            + "date, method and who signed it off.");
        }
        name = d.name().trim();
        purpose = d.purpose().trim();
        intendedUse = blank(d.intendedUse());
        businessOwner = blank(d.businessOwner());
        technicalOwner = blank(d.technicalOwner());
        lifecycleStage = d.lifecycleStage();
        deployment = d.deployment();
        modelType = d.modelType();
        replace(dataCategories, d.dataCategories());
        replace(peopleAffected, d.peopleAffected());
        autonomy = d.autonomy();
        humanOversight = blank(d.humanOversight());
        euAiActTier = d.euAiActTier();
        euAiActRole = d.euAiActRole();
        vendorName = blank(d.vendorName());
        status = d.status();
        nextReview = d.nextReview();
        dataProvenance = blank(d.dataProvenance());
        consentBasis = blank(d.consentBasis());
        dataMinimisation = blank(d.dataMinimisation());
        dependencyScanning = blank(d.dependencyScanning());
        codeReview = blank(d.codeReview());
        privacyPreservingTraining = blank(d.privacyPreservingTraining());
        trainingAccessLogging = blank(d.trainingAccessLogging());
        servingHardening = blank(d.servingHardening());
        driftMonitoring = blank(d.driftMonitoring());
        adversarialMonitoring = blank(d.adversarialMonitoring());
        deletionDate = d.deletionDate();
        deletionMethod = blank(d.deletionMethod());
        deletionSignedOffBy = blank(d.deletionSignedOffBy());
        updatedAt = now;
    }

    /** Whether the user is one of the system's owners (a SYSTEM_OWNER may edit only those). */
    public boolean isOwnedBy(String username) {
        return username != null
                && (username.equalsIgnoreCase(businessOwner) || username.equalsIgnoreCase(technicalOwner));
    }

    public AiSystemDetails details() {
        return new AiSystemDetails(
                name,
                purpose,
                intendedUse,
                businessOwner,
                technicalOwner,
                lifecycleStage,
                deployment,
                modelType,
                Set.copyOf(dataCategories),
                Set.copyOf(peopleAffected),
                autonomy,
                humanOversight,
                euAiActTier,
                euAiActRole,
                vendorName,
                status,
                nextReview,
                dataProvenance,
                consentBasis,
                dataMinimisation,
                dependencyScanning,
                codeReview,
                privacyPreservingTraining,
                trainingAccessLogging,
                servingHardening,
                driftMonitoring,
                adversarialMonitoring,
                deletionDate,
                deletionMethod,
                deletionSignedOffBy);
    }

    private static <E extends Enum<E>> void replace(Set<E> target, Set<E> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LifecycleStage getLifecycleStage() {
        return lifecycleStage;
    }

    public EuAiActTier getEuAiActTier() {
        return euAiActTier;
    }

    public Status getStatus() {
        return status;
    }

    public String getBusinessOwner() {
        return businessOwner;
    }

    public String getTechnicalOwner() {
        return technicalOwner;
    }

    public ModelType getModelType() {
        return modelType;
    }

    public Set<DataCategory> getDataCategories() {
        return Set.copyOf(dataCategories);
    }

    public LocalDate getNextReview() {
        return nextReview;
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

    /**
     * The EU AI Act classification decided: tier, role and the articles that follow (one "Article 26|why" per line).
     * Only the classification sets these apart from registration; a system owner never does.
     */
    void classify(EuAiActTier tier, EuAiActRole role, java.util.List<String> duties, Instant now) {
        euAiActTier = tier;
        euAiActRole = role;
        euAiActDuties = duties.isEmpty() ? null : String.join("\n", duties);
        updatedAt = now;
    }

    /** The EU AI Act articles its classification says apply, as "Article 26|why". */
    public java.util.List<String> getEuAiActDuties() {
        return euAiActDuties == null || euAiActDuties.isBlank()
                ? java.util.List.of()
                : euAiActDuties.lines().toList();
    }

    public EuAiActRole getEuAiActRole() {
        return euAiActRole;
    }
}
