package dev.aegis.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Alerts extends JpaRepository<Alert, Long> {

    @Query("select a from Alert a where a.ruleId = ?1 and a.state = dev.aegis.monitor.Alert.State.OPEN "
            + "and ((?2 is null and a.subject is null) or a.subject = ?2)")
    Optional<Alert> findOpen(long ruleId, String subject);

    List<Alert> findByRuleIdAndState(long ruleId, Alert.State state);

    @Query("select a from Alert a where (?1 is null or a.deploymentId = ?1) and (?2 is null or a.state = ?2) "
            + "and a.openedAt < ?4 and (a.resolvedAt is null or a.resolvedAt >= ?3) order by a.openedAt desc")
    List<Alert> search(
            Long deploymentId,
            Alert.State state,
            Instant from,
            Instant to,
            org.springframework.data.domain.Limit limit);
}
