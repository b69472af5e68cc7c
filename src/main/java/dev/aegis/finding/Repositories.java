package dev.aegis.finding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Findings extends JpaRepository<Finding, Long>, JpaSpecificationExecutor<Finding> {

    Optional<Finding> findByCause(String cause);
}

interface Occurrences extends JpaRepository<Occurrence, Long> {

    boolean existsByDelivery(String delivery);

    List<Occurrence> findByFindingIdOrderByAtAscIdAsc(long findingId);

    @Query("select o.at from Occurrence o where o.kind = dev.aegis.finding.FindingVocabulary.OccurrenceKind.BREACH"
            + " and o.at >= ?1 and o.findingId in ?2")
    List<Instant> breachTimesSince(Instant since, List<Long> findingIds);
}

interface ControlTestStatuses extends JpaRepository<ControlTestStatus, Long> {
}
