package dev.aegis.inventory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScopeEntries extends JpaRepository<ScopeEntry, Long> {

    List<ScopeEntry> findBySystemId(long systemId);

    Optional<ScopeEntry> findBySystemIdAndRequirementId(long systemId, long requirementId);
}
