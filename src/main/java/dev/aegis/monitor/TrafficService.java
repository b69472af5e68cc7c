package dev.aegis.monitor;

import dev.aegis.shared.DomainRuleException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A deployment's traffic windows (5 min, 1 h, 1 day), read from the mergeable aggregates of all instances. */
@Service
@Transactional(readOnly = true)
@WhenMonitorEnabled
public class TrafficService {

    /** A read spans at most this many windows, so a careless time range cannot load years of 5-minute windows. */
    static final int MAX_WINDOWS = 5_000;

    private final DeploymentService deployments;
    private final AggregateStore store;

    TrafficService(DeploymentService deployments, AggregateStore store) {
        this.deployments = deployments;
        this.store = store;
    }

    @PreAuthorize(Permissions.READ)
    public List<TrafficWindow> windows(String deployment, Resolution resolution, Instant from, Instant to) {
        return windows(deployments.find(deployment).getId(), resolution, from, to);
    }

    List<TrafficWindow> windows(long deploymentId, Resolution resolution, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new DomainRuleException("from", "'from' lies before 'to'.");
        }
        if (java.time.Duration.between(from, to).dividedBy(resolution.length()) > MAX_WINDOWS) {
            throw new DomainRuleException("from", "Ask for at most " + MAX_WINDOWS + " windows at a time.");
        }
        return store.windows(deploymentId, resolution, resolution.floor(from), to).stream()
                .map(w -> TrafficWindow.of(resolution, w))
                .toList();
    }
}
