package dev.aegis.aims;

import dev.aegis.aims.AuditVocabulary.AuditStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InternalAudits extends JpaRepository<InternalAudit, Long> {

    List<InternalAudit> findAllByOrderByPlannedFromDescReferenceDesc();

    @Query("select a.reference from InternalAudit a where a.reference like :prefix%")
    List<String> referencesStartingWith(String prefix);

    /** Audits completed in the window (from, to]: for coverage of 9.2 as of a moment. */
    @Query("select a from InternalAudit a where a.status = :status and a.completedAt > :from and a.completedAt <= :to"
            + " order by a.completedAt desc")
    List<InternalAudit> completedBetween(AuditStatus status, Instant from, Instant to);
}

interface AuditChecks extends JpaRepository<AuditCheck, Long> {

    List<AuditCheck> findByAuditIdOrderByFrameworkCodeAscIdAsc(long auditId);
}

interface AuditFindings extends JpaRepository<AuditFinding, Long> {

    List<AuditFinding> findByAuditIdOrderByIdAsc(long auditId);

    List<AuditFinding> findByAuditIdIn(java.util.Collection<Long> auditIds);
}
