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
 * The risk register's own copy of each AI system's EU AI Act tier ({@code risk.ai_system_tier}, kept by
 * {@link SystemTiers} from the inventory's events), so the register filters risks by tier in the same SQL statement
 * that sorts and pages them: an {@code exists} subquery on the indexed tier column, without reading the inventory's
 * tables.
 */
@Entity
@Immutable
@Table(schema = "risk", name = "ai_system_tier")
class SystemTier {

    @Id
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "eu_ai_act_tier", insertable = false, updatable = false)
    private EuAiActTier tier;

    protected SystemTier() {}
}
