package dev.aegis.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The findings module's own copy of each AI system's owners ({@code finding.ai_system_copy}, kept by
 * {@link SystemCopies} from the inventory's events), so a system owner's findings are chosen in the same SQL statement
 * that sorts and pages them (an {@code exists} on the owners), without reading the inventory's tables.
 */
@Entity(name = "FindingSystem")
@Immutable
@Table(schema = "finding", name = "ai_system_copy")
class FindingSystem {

    @Id
    private Long id;

    @Column(name = "business_owner", insertable = false, updatable = false)
    private String businessOwner;

    @Column(name = "technical_owner", insertable = false, updatable = false)
    private String technicalOwner;

    protected FindingSystem() {}
}
