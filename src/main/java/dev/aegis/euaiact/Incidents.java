package dev.aegis.euaiact;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Incidents extends JpaRepository<Incident, Long> {

    List<Incident> findBySystemIdOrderByAwareAtDesc(long systemId);

    List<Incident> findAllByOrderByAwareAtDesc();

    /** Open serious incidents whose deadline falls before {@code until} (overdue included), soonest first. */
    @Query("select i from Incident i where i.status = dev.aegis.euaiact.Incident.Status.OPEN"
            + " and i.deadline is not null and i.deadline < :until order by i.deadline")
    List<Incident> openDueBefore(Instant until);

    @Query("select i.reference from Incident i")
    List<String> references();
}
