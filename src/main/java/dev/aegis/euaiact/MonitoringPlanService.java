package dev.aegis.euaiact;

import dev.aegis.euaiact.MonitoringPlan.Cadence;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.EuAiActRole;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.telemetry.TelemetryService;
import dev.aegis.telemetry.TelemetryService.Link;
import dev.aegis.telemetry.TelemetryService.Result;
import dev.aegis.telemetry.TelemetryTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Post-market monitoring plans (Art. 72) of AI systems: the plan officers write, and — read live from the telemetry
 * module, through its service — the telemetry tests and monitored deployments of the system as the plan's data
 * sources, each with its current status.
 */
@Service
@Transactional
public class MonitoringPlanService {

    static final int TEXT_MAX = 4000;

    private final MonitoringPlans plans;
    private final AiSystemService systems;
    private final TelemetryService telemetry;
    private final UserDirectory people;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    MonitoringPlanService(
            MonitoringPlans plans,
            AiSystemService systems,
            TelemetryService telemetry,
            UserDirectory people,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.plans = plans;
        this.systems = systems;
        this.telemetry = telemetry;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** What the plan says; every text but the other sources is required. */
    public record Content(
            String objectives,
            String otherSources,
            Cadence cadence,
            String reviewer,
            String evaluation,
            String actions) {}

    /** A live data source of the plan: a telemetry test or a monitored deployment, with where it stands now. */
    public record DataSource(String kind, String name, String status, boolean healthy) {}

    /** The plan (if written), whether Art. 72 requires one of this system, and its live data sources. */
    public record View(
            long systemId,
            boolean required,
            String requiredBecause,
            Optional<MonitoringPlan> plan,
            List<DataSource> sources) {}

    @PreAuthorize(IncidentService.READERS)
    @Transactional(readOnly = true)
    public View view(long systemId) {
        AiSystem system = systems.get(systemId);
        EuAiActTier tier = system.details().euAiActTier();
        EuAiActRole role = system.details().euAiActRole();
        boolean provider = role == EuAiActRole.PROVIDER || role == EuAiActRole.PROVIDER_AND_DEPLOYER;
        boolean required = tier == EuAiActTier.HIGH && provider;
        String because = required
                ? "High-risk, and the organisation is its provider: a post-market monitoring plan is part of the "
                        + "technical documentation (Art. 72(3), Annex IV 9)."
                : tier == EuAiActTier.HIGH
                        ? "High-risk, but the organisation is not its provider: the provider keeps the plan; as deployer "
                                + "it monitors use and informs the provider (Art. 26(5))."
                        : "Not high-risk: Art. 72 does not require a plan (one may still be kept).";
        return new View(systemId, required, because, plans.findBySystemId(systemId), sources(systemId));
    }

    private List<DataSource> sources(long systemId) {
        List<DataSource> out = new ArrayList<>();
        Map<Long, Result> latest = telemetry.latestResults(systemId);
        for (TelemetryTest t : telemetry.tests(systemId)) {
            Result r = latest.get(t.getId());
            String status = r == null
                    ? "no result yet"
                    : switch (r.outcome()) {
                                case PASSED -> "Passed";
                                case FAILED -> "Failed";
                                case NO_DATA -> "No data";
                            }
                            + ", window ending "
                            + dev.aegis.shared.Dates.minute(r.windowEnd());
            out.add(new DataSource(
                    "Telemetry test",
                    t.describe(),
                    status,
                    r != null && r.outcome() == dev.aegis.telemetry.TelemetryEvents.Outcome.PASSED));
        }
        for (Link l : telemetry.links(systemId)) {
            out.add(new DataSource(
                    "Monitored deployment (its alert rules open findings)",
                    l.source() + " / " + l.deployment(),
                    l.status().describe(),
                    l.status().live()));
        }
        return out;
    }

    @PreAuthorize(IncidentService.WRITERS)
    public MonitoringPlan write(long systemId, Long expectedVersion, Content in) {
        systems.get(systemId);
        MonitoringPlan plan = plans.findBySystemId(systemId).orElse(null);
        if (plan != null && (expectedVersion == null || plan.getVersion() != expectedVersion)) {
            throw new ObjectOptimisticLockingFailureException(
                    "The monitoring plan was changed by someone else meanwhile (now at " + plan.getVersion()
                            + "). Reload it and try again.",
                    null);
        }
        if (plan == null) {
            plan = new MonitoringPlan(systemId);
        }
        if (in == null) {
            throw new DomainRuleException("objectives", "Write the plan.");
        }
        if (in.cadence() == null) {
            throw new DomainRuleException("cadence", "Choose how often the data is reviewed.");
        }
        if (in.reviewer() == null || in.reviewer().isBlank()) {
            throw new DomainRuleException("reviewer", "Choose who reviews the data.");
        }
        String reviewer = people.requireKnown("reviewer", "reviewer", in.reviewer(), plan.getReviewer());
        plan.write(
                required("objectives", in.objectives(), "Say what the plan watches and why."),
                optional("otherSources", in.otherSources()),
                in.cadence(),
                reviewer,
                required("evaluation", in.evaluation(), "Say how the data is evaluated against the requirements."),
                required("actions", in.actions(), "Say what follows when the evaluation finds a problem."),
                Actors.current(),
                clock.instant());
        plan = plans.saveAndFlush(plan);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", "Post-market monitoring plan of system " + systemId);
        d.put("cadence", in.cadence().name());
        d.put("reviewer", reviewer);
        events.publishEvent(new EuAiActEvents.MonitoringPlanWritten(systemId, d));
        return plan;
    }

    private static String required(String field, String value, String message) {
        String v = optional(field, value);
        if (v == null) {
            throw new DomainRuleException(field, message);
        }
        return v;
    }

    private static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > TEXT_MAX) {
            throw new DomainRuleException(
                    field, "At most %,d characters fit here. You entered %,d.".formatted(TEXT_MAX, v.length()));
        }
        return v;
    }
}
