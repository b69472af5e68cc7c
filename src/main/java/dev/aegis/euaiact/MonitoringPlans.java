package dev.aegis.euaiact;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MonitoringPlans extends JpaRepository<MonitoringPlan, Long> {

    Optional<MonitoringPlan> findBySystemId(long systemId);
}
