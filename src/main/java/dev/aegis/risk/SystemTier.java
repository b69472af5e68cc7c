package dev.aegis.risk;

import dev.aegis.inventory.Classification.EuAiActTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A read-only view of two columns of the inventory's systems (id and EU AI Act tier), so the register filters risks by
 * tier in the same SQL statement that sorts and pages them: an {@code exists} subquery on the indexed tier column,
 * instead of fetching the ids of every system in a tier and sending them back as a parameter list, which grows with the
 * inventory. The coupling is to those two columns only, and schema validation at start-up reports it if they change.
 */
@Entity
@Immutable
@Table(schema = "inventory", name = "ai_system")
class SystemTier {

    @Id
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "eu_ai_act_tier", insertable = false, updatable = false)
    private EuAiActTier tier;

    protected SystemTier() {
    }
}
