package dev.aegis.finding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A read-only view of three columns of the inventory's systems (id and owners), so a system owner's findings are
 * chosen in the same SQL statement that sorts and pages them (an {@code exists} on the owners), instead of fetching
 * every system they own first. The coupling is to those columns only; schema validation at start-up reports it if
 * they change. (The risk register reads the tier the same way.)
 */
@Entity(name = "FindingSystem")
@Immutable
@Table(schema = "inventory", name = "ai_system")
class FindingSystem {

    @Id
    private Long id;
    @Column(name = "business_owner", insertable = false, updatable = false)
    private String businessOwner;
    @Column(name = "technical_owner", insertable = false, updatable = false)
    private String technicalOwner;

    protected FindingSystem() {
    }
}
