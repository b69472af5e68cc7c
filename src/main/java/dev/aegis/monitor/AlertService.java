package dev.aegis.monitor;

import dev.aegis.monitor.MonitorEvents.AlertRaised;
import dev.aegis.monitor.MonitorEvents.AlertResolved;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert rules and alerts. Every minute the rules are evaluated against the newest complete window of their
 * resolution: a breach opens an alert ({@link AlertRaised}), a window that no longer breaches resolves it
 * ({@link AlertResolved}); a window with fewer events than the rule's minimum, or a metric nobody computed yet,
 * leaves the alert as it is.
 */
@Service
@Transactional
@WhenMonitorEnabled
public class AlertService {

    private final AlertRules rules;
    private final Alerts alerts;
    private final Deployments deploymentRepository;
    private final DeploymentService deployments;
    private final TrafficService traffic;
    private final FigureService figures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertService(
            AlertRules rules,
            Alerts alerts,
            Deployments deploymentRepository,
            DeploymentService deployments,
            TrafficService traffic,
            FigureService figures,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rules = rules;
        this.alerts = alerts;
        this.deploymentRepository = deploymentRepository;
        this.deployments = deployments;
        this.traffic = traffic;
        this.figures = figures;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public List<AlertRule> rules(String deployment) {
        return rules.findByDeploymentIdOrderByIdAsc(deployments.find(deployment).getId());
    }

    @PreAuthorize(Permissions.EDIT)
    public AlertRule addRule(String deployment, RuleDetails details) {
        Deployment d = deployments.find(deployment);
        check(details);
        return rules.saveAndFlush(new AlertRule(d.getId(), details, false));
    }

    @PreAuthorize(Permissions.EDIT)
    public AlertRule changeRule(long id, long version, RuleDetails details) {
        AlertRule rule = rule(id);
        if (rule.getVersion() != version) {
            throw new OptimisticLockingFailureException("Rule " + id + " is at version " + rule.getVersion());
        }
        check(details);
        rule.apply(details);
        return rules.saveAndFlush(rule);
    }

    @PreAuthorize(Permissions.EDIT)
    public void removeRule(long id) {
        rules.delete(rule(id));
    }

    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public AlertRule getRule(long id) {
        return rule(id);
    }

    /** Alerts open at some time in [from, to), newest first, optionally of one deployment and state. */
    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public List<Alert> alerts(String deployment, Alert.State state, Instant from, Instant to, int limit) {
        Long id = deployment == null ? null : deployments.find(deployment).getId();
        return alerts.search(id, state, from, to, Limit.of(Math.max(1, Math.min(limit, 1000))));
    }

    /** Deployment names by id, for showing alerts. */
    @PreAuthorize(Permissions.READ)
    @Transactional(readOnly = true)
    public Map<Long, String> deploymentNames() {
        return deploymentRepository.findAll().stream()
                .collect(Collectors.toMap(Deployment::getId, Deployment::getName));
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 20_000)
    @SchedulerLock(name = "monitor.alert-evaluation", lockAtMostFor = "PT5M")
    void evaluateOnSchedule() {
        evaluate(clock.instant());
    }

    /** Evaluates every enabled rule as of {@code at}; the scheduler passes the current time. */
    public void evaluate(Instant at) {
        Map<Long, Deployment> byId =
                deploymentRepository.findAll().stream().collect(Collectors.toMap(Deployment::getId, d -> d));
        for (AlertRule rule : rules.findByEnabledTrue()) {
            Deployment deployment = byId.get(rule.getDeploymentId());
            if (deployment != null) {
                evaluate(rule, deployment, at);
            }
        }
    }

    /** One observation of a rule's metric: its window, subject, value and sample size. */
    private record Observation(Instant windowStart, String subject, double value, long samples) {}

    private void evaluate(AlertRule rule, Deployment deployment, Instant at) {
        Resolution resolution = rule.getResolution();
        List<Observation> observations = observe(rule, deployment, resolution, at);
        if (observations == null) {
            return; // nothing computed yet: the rule stays unevaluated
        }
        rule.evaluatedAt(at);
        Set<String> seen = new HashSet<>();
        for (Observation o : observations) {
            if (rule.getSubject() != null && !rule.getSubject().equals(o.subject())) {
                continue;
            }
            seen.add(o.subject() == null ? "" : o.subject());
            if (o.samples() < rule.getMinSamples()) {
                continue;
            }
            boolean breached = rule.getComparison().breached(o.value(), rule.getThreshold());
            Optional<Alert> open = alerts.findOpen(rule.getId(), o.subject());
            if (breached && open.isEmpty()) {
                Alert alert =
                        alerts.saveAndFlush(new Alert(rule, o.subject(), o.windowStart(), o.value(), clock.instant()));
                events.publishEvent(new AlertRaised(
                        alert.getId(),
                        deployment.getName(),
                        rule.getMetric(),
                        o.subject(),
                        o.value(),
                        rule.getThreshold(),
                        o.windowStart()));
            } else if (breached) {
                open.get().stillBreached(o.windowStart(), o.value());
            } else if (open.isPresent()) {
                Alert alert = open.get();
                alert.resolve(o.windowStart(), o.value(), clock.instant());
                events.publishEvent(new AlertResolved(
                        alert.getId(),
                        deployment.getName(),
                        rule.getMetric(),
                        o.subject(),
                        o.value(),
                        rule.getThreshold(),
                        o.windowStart()));
            }
        }
    }

    /** The rule's metric in the newest complete window before {@code at}; null when there is nothing to look at. */
    private List<Observation> observe(AlertRule rule, Deployment deployment, Resolution resolution, Instant at) {
        Instant windowEnd = resolution.floor(at);
        Instant windowStart = windowEnd.minus(resolution.length());
        if (rule.getMetric().traffic()) {
            var windows = traffic.windows(deployment.getId(), resolution, windowStart, windowEnd);
            if (windows.isEmpty()) {
                return null;
            }
            TrafficWindow w = windows.getFirst();
            Double value = w.value(rule.getMetric());
            return value == null ? null : List.of(new Observation(w.start(), null, value, w.count()));
        }
        var latest = figures.latest(deployment.getId(), rule.getMetric(), resolution, at);
        if (latest.isEmpty()) {
            return null;
        }
        List<Observation> list = new ArrayList<>();
        for (Figure f : latest) {
            if (f.value() != null) {
                list.add(new Observation(
                        f.windowStart(),
                        f.subject(),
                        f.value(),
                        f.sampleSize() == null ? Long.MAX_VALUE : f.sampleSize()));
            }
        }
        return list;
    }

    private AlertRule rule(long id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("No alert rule " + id));
    }

    private static void check(RuleDetails d) {
        if (d.metric() == null) {
            throw new DomainRuleException("metric", "Choose the metric the rule watches.");
        }
        if (d.comparison() == null) {
            throw new DomainRuleException("comparison", "Choose GT (above) or LT (below).");
        }
        if (!Double.isFinite(d.threshold())) {
            throw new DomainRuleException("threshold", "The threshold is a number.");
        }
        if (d.resolution() == null) {
            throw new DomainRuleException("resolution", "Choose the window: 5m, 1h or 1d.");
        }
        if (d.minSamples() < 0) {
            throw new DomainRuleException("minSamples", "The minimum sample size is 0 or more.");
        }
        if (d.subject() != null && d.subject().length() > 200) {
            throw new DomainRuleException("subject", "The subject has at most 200 characters.");
        }
    }
}
