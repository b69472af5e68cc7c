package dev.aegis.finding;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Findings extends JpaRepository<Finding, Long>, JpaSpecificationExecutor<Finding> {

    Optional<Finding> findByCause(String cause);

    /**
     * The finding of a cause, locked until the transaction ends: the telemetry loop waits for a person's step in
     * flight instead of failing on a stale version (which would roll back the telemetry result with it); the person's
     * step on a copy read before a new breach is refused as stale, and they see the breach.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from Finding f where f.cause = ?1")
    Optional<Finding> lockByCause(String cause);
}

interface Occurrences extends JpaRepository<Occurrence, Long> {

    boolean existsByDelivery(String delivery);

    List<Occurrence> findByFindingIdOrderByAtAscIdAsc(long findingId);

    @Query("select o.at from Occurrence o where o.kind = dev.aegis.finding.FindingVocabulary.OccurrenceKind.BREACH"
            + " and o.at >= ?1 and o.findingId in ?2")
    List<Instant> breachTimesSince(Instant since, List<Long> findingIds);
}

interface ControlTestStatuses extends JpaRepository<ControlTestStatus, Long> {}
