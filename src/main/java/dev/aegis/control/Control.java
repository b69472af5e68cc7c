package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.control.ControlVocabulary.TestResult;
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
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A control of the organisation's library. A control that does not apply keeps the reason why; a test result keeps
 * its date. Every change is in the audit log with its before and after.
 */
@Entity
@Audited
@Table(schema = "control", name = "control")
public class Control implements dev.aegis.shared.AuditLabelled {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "control_type")
    private ControlType type;

    private String owner;

    @Enumerated(EnumType.STRING)
    private ImplementationStatus status;

    @Column(name = "not_applicable_reason")
    private String notApplicableReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "test_frequency")
    private TestFrequency testFrequency;

    private String stage;

    @Column(name = "last_tested_on")
    private LocalDate lastTestedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_test_result")
    private TestResult lastTestResult;

    @Column(name = "starter_id")
    private String starterId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "control", name = "control_requirement", joinColumns = @JoinColumn(name = "control_id"))
    private Set<RequirementMapping> requirements = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "control", name = "control_risk", joinColumns = @JoinColumn(name = "control_id"))
    @Column(name = "risk_id")
    private Set<Long> risks = new HashSet<>();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected Control() {}

    Control(Instant now, String starterId, String stage) {
        this.createdAt = now;
        this.starterId = starterId;
        this.stage = stage;
    }

    /**
     * Takes the stated details. A control that does not apply says why; a test result needs the date of the test, and
     * a test cannot lie in the future.
     */
    void describe(ControlDetails d, LocalDate today, Instant now) {
        if (d.status() == ImplementationStatus.NOT_APPLICABLE
                && (d.notApplicableReason() == null || d.notApplicableReason().isBlank())) {
            throw new DomainRuleException("notApplicableReason", "Say why the control does not apply.");
        }
        if (d.lastTestResult() != null && d.lastTestedOn() == null) {
            throw new DomainRuleException("lastTestedOn", "A test result needs the date of the test.");
        }
        if (d.lastTestedOn() != null && d.lastTestedOn().isAfter(today)) {
            throw new DomainRuleException("lastTestedOn", "A test date cannot lie in the future.");
        }
        title = d.title().trim();
        description = blank(d.description());
        type = d.type();
        owner = blank(d.owner());
        status = d.status();
        notApplicableReason = d.status() == ImplementationStatus.NOT_APPLICABLE
                ? d.notApplicableReason().trim()
                : null;
        testFrequency = d.testFrequency();
        lastTestedOn = d.lastTestedOn();
        lastTestResult = d.lastTestResult();
        Set<RequirementMapping> mappings = new HashSet<>();
        d.requirements().forEach((id, strength) -> mappings.add(new RequirementMapping(id, strength)));
        requirements.retainAll(mappings);
        requirements.addAll(mappings);
        risks.retainAll(d.risks());
        risks.addAll(d.risks());
        updatedAt = now;
    }

    /** Maps the control to one more requirement (or changes how much of it the control meets). */
    void map(long requirementId, MappingStrength strength, Instant now) {
        requirements.removeIf(m -> m.requirementId() == requirementId);
        requirements.add(new RequirementMapping(requirementId, strength));
        updatedAt = now;
    }

    public ControlDetails details() {
        Map<Long, MappingStrength> mappings = new TreeMap<>();
        requirements.forEach(m -> mappings.put(m.requirementId(), m.strength()));
        return new ControlDetails(
                title,
                description,
                type,
                owner,
                status,
                notApplicableReason,
                testFrequency,
                lastTestedOn,
                lastTestResult,
                mappings,
                Set.copyOf(risks));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public ControlType getType() {
        return type;
    }

    public String getOwner() {
        return owner;
    }

    public ImplementationStatus getStatus() {
        return status;
    }

    public String getNotApplicableReason() {
        return notApplicableReason;
    }

    public TestFrequency getTestFrequency() {
        return testFrequency;
    }

    public String getStage() {
        return stage;
    }

    public LocalDate getLastTestedOn() {
        return lastTestedOn;
    }

    public TestResult getLastTestResult() {
        return lastTestResult;
    }

    public String getStarterId() {
        return starterId;
    }

    /** How people cite this control: its starter library reference (e.g. "SC-44"), else "C-" and its number. */
    public String reference() {
        return reference(id, starterId);
    }

    public static String reference(long id, String starterId) {
        return starterId != null && !starterId.isBlank() ? starterId : "C-" + id;
    }

    public Set<RequirementMapping> getRequirements() {
        return Set.copyOf(requirements);
    }

    public Set<Long> getRisks() {
        return Set.copyOf(risks);
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

    /** How the audit log names this control. */
    @Override
    public String auditLabel() {
        return reference() + " · " + title;
    }
}
