package dev.aegis.finding;

import static dev.aegis.inventory.AiSystemFixtures.diagnosisAssistant;

import dev.aegis.control.ControlDetails;
import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.TestFrequency;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskDetails;
import dev.aegis.risk.RiskService;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.security.AegisUser;
import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import dev.aegis.telemetry.TelemetryEvents.ControlFacts;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.MitigatedRisk;
import dev.aegis.telemetry.TelemetryEvents.MonitorAlertObserved;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A governed AI system with a drift control mitigating one of its risks, and the telemetry loop's announcements about
 * it, published as the telemetry module would: inside a transaction.
 */
@Component
class FindingFixtures {

    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    private final AiSystemService systems;
    private final ControlService controls;
    private final RiskService risks;
    private final TestAccounts accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Findings findings;

    FindingFixtures(
            AiSystemService systems,
            ControlService controls,
            RiskService risks,
            TestAccounts accounts,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Findings findings) {
        this.findings = findings;
        this.systems = systems;
        this.controls = controls;
        this.risks = risks;
        this.accounts = accounts;
        this.events = events;
        this.tx = tx;
    }

    /** A system owned by {@code owner}, a high risk of it, and a drift control mitigating that risk. */
    record Governed(
            AegisUser owner,
            AegisUser officer,
            long systemId,
            long riskId,
            long otherRiskId,
            long controlId,
            long testId,
            SystemFacts system,
            ControlFacts control) {}

    Governed governed(String name) {
        AegisUser owner = accounts.createWithEmail("owner", "owner@org.example", Role.SYSTEM_OWNER);
        AegisUser officer = accounts.create("officer", Role.GOVERNANCE_OFFICER);
        TestAccounts.signIn(officer);
        try {
            long system = systems.register(diagnosisAssistant(name + " " + System.nanoTime(), owner.username()))
                    .getId();
            long otherSystem = systems.register(diagnosisAssistant("Other " + System.nanoTime(), "someone-else"))
                    .getId();
            long risk = risks.identify(new RiskDetails(
                            "Drifted inputs mislead " + name,
                            null,
                            Category.RELIABILITY,
                            Set.of(system),
                            Set.of(),
                            Set.of(),
                            4,
                            4,
                            officer.username(),
                            LocalDate.now().plusMonths(1)))
                    .getId();
            long other = risks.identify(new RiskDetails(
                            "Drift elsewhere",
                            null,
                            Category.RELIABILITY,
                            Set.of(otherSystem),
                            Set.of(),
                            Set.of(),
                            2,
                            2,
                            officer.username(),
                            null))
                    .getId();
            long control = controls.create(new ControlDetails(
                            "Drift monitoring " + System.nanoTime(),
                            "PSI below 0.2 on every feature over 24 h",
                            ControlType.DETECTIVE,
                            null,
                            ImplementationStatus.IMPLEMENTED,
                            null,
                            TestFrequency.CONTINUOUS,
                            null,
                            null,
                            Map.of(),
                            Set.of(risk, other)))
                    .getId();
            controls.apply(control, List.of(system), ImplementationStatus.IMPLEMENTED);
            var s = systems.get(system);
            var c = controls.get(control);
            // what the telemetry module tells about them: the other system's risk does not bear on this one
            SystemFacts facts = new SystemFacts(system, s.getName(), s.getBusinessOwner(), s.getTechnicalOwner());
            ControlFacts controlFacts = new ControlFacts(
                    control,
                    "C-" + control,
                    c.getTitle(),
                    c.getOwner(),
                    Set.of(),
                    List.of(new MitigatedRisk(risk, "Drifted inputs mislead " + name, 16, null, true)));
            return new Governed(
                    owner, officer, system, risk, other, control, IDS.incrementAndGet(), facts, controlFacts);
        } finally {
            TestAccounts.signOut();
        }
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** A result of the system's drift test: PSI against 0.2 over the day before {@code at}. */
    ControlTestRecorded result(Governed g, long resultId, Outcome outcome, Double psi, Instant at) {
        return new ControlTestRecorded(
                resultId,
                g.testId(),
                g.controlId(),
                g.systemId(),
                "embedded",
                "triage-v1",
                "psi",
                "age",
                "<",
                0.2,
                psi,
                outcome,
                5000,
                at.minus(24, ChronoUnit.HOURS),
                at,
                "training set",
                "[0,18,30,45,65,120]",
                at,
                g.system(),
                g.control());
    }

    /** The id of the finding the governed system's drift test caused. */
    long findingOf(Governed g) {
        return findings.findByCause("test:" + g.testId()).orElseThrow().getId();
    }

    void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    MonitorAlertObserved alert(Governed g, long alertId, boolean open, double value, Instant at) {
        return new MonitorAlertObserved(
                1,
                g.systemId(),
                "embedded",
                "triage-v1",
                alertId,
                "p95_latency_ms",
                "",
                value,
                300,
                open,
                at,
                g.system());
    }
}
