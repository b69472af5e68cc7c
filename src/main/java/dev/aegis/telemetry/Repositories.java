package dev.aegis.telemetry;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TelemetrySources extends JpaRepository<TelemetrySource, Long> {
    Optional<TelemetrySource> findByName(String name);

    List<TelemetrySource> findAllByOrderByName();
}

interface DeploymentLinks extends JpaRepository<DeploymentLink, Long> {
    List<DeploymentLink> findBySystemIdOrderById(long systemId);

    Optional<DeploymentLink> findBySystemIdAndSourceIdAndDeployment(long systemId, long sourceId, String deployment);

    List<DeploymentLink> findBySourceId(long sourceId);
}

interface TelemetryTests extends JpaRepository<TelemetryTest, Long> {
    List<TelemetryTest> findBySystemIdOrderById(long systemId);

    List<TelemetryTest> findAllByOrderById();
}
