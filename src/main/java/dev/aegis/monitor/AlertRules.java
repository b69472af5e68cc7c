package dev.aegis.monitor;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AlertRules extends JpaRepository<AlertRule, Long> {

    List<AlertRule> findByDeploymentIdOrderByIdAsc(long deploymentId);

    List<AlertRule> findByEnabledTrue();
}
