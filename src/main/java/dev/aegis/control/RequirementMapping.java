package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.MappingStrength;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A control's mapping to one framework requirement (by id), fully or partly. */
@Embeddable
public class RequirementMapping {

    @Column(name = "requirement_id")
    private long requirementId;

    @Enumerated(EnumType.STRING)
    private MappingStrength strength;

    protected RequirementMapping() {}

    public RequirementMapping(long requirementId, MappingStrength strength) {
        this.requirementId = requirementId;
        this.strength = Objects.requireNonNull(strength);
    }

    public long requirementId() {
        return requirementId;
    }

    public MappingStrength strength() {
        return strength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequirementMapping m && m.requirementId == requirementId && m.strength == strength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirementId, strength);
    }

    /** As the audit log shows it: "123 FULL". */
    @Override
    public String toString() {
        return requirementId + " " + strength;
    }
}
