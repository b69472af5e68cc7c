package dev.aegis.aims;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Nonconformities extends JpaRepository<Nonconformity, Long> {

    List<Nonconformity> findAllByOrderByRaisedAtDesc();

    @Query("select n.reference from Nonconformity n where n.reference like :prefix%")
    List<String> referencesStartingWith(String prefix);

    Optional<Nonconformity> findFirstBySourceAndSourceId(CorrectionVocabulary.NcSource source, Long sourceId);

    /** Closed in the window (from, to]: corrective action taken and found effective, for coverage of 10.2. */
    @Query("select n from Nonconformity n where n.status = dev.aegis.aims.CorrectionVocabulary.NcStatus.CLOSED"
            + " and n.closedAt > :from and n.closedAt <= :to order by n.closedAt desc")
    List<Nonconformity> closedBetween(java.time.Instant from, java.time.Instant to);
}

interface CorrectiveActions extends JpaRepository<CorrectiveAction, Long> {

    List<CorrectiveAction> findByNonconformityIdOrderByDueAscIdAsc(long nonconformityId);

    List<CorrectiveAction> findByNonconformityIdIn(Collection<Long> ids);

    /** Open actions due on or before the day that were not reminded of that day yet. */
    @Query("select a from CorrectiveAction a where a.doneAt is null and a.due <= :horizon"
            + " and (a.remindedOn is null or a.remindedOn < :today)")
    List<CorrectiveAction> dueForReminder(LocalDate horizon, LocalDate today);
}
