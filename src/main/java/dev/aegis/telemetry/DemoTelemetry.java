package dev.aegis.telemetry;

import dev.aegis.control.ControlService;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the demo "Customer sentiment API" is linked to the embedded monitor's sentiment deployment (the demo
 * model's own calls, which the simulator drifts slowly), with a drift test (PSI below 0.2 on every feature over 5
 * minutes) on its drift-monitoring control and a p95 latency test on its latency control. The "Clinic diagnosis
 * assistant" sorts incoming patient messages with the same demo model, so it is linked to the same deployment with a
 * tighter drift bar (PSI below 0.1, patient safety) and the same latency test; one failed drift window of the day
 * before is filed as its history, so the clinic starts with an open finding and a telemetry record in its evidence.
 * The "Vendor LLM chatbot" is linked to the simulated chatbot deployment {@value #CHATBOT_DEPLOYMENT} with a
 * prompt-injection test that its first window fails.
 * Once only per system.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoTelemetry implements ApplicationRunner {

    /** The deployment the embedded monitor records the demo sentiment model's calls as (docs/monitor-statistics.md). */
    static final String SENTIMENT_DEPLOYMENT = "sentiment-vader";

    /** The deployment the monitor records the demo chatbot's simulated LLM calls as (docs/monitor.md). */
    static final String CHATBOT_DEPLOYMENT = "support-chatbot";

    static final String CHATBOT = "Vendor LLM chatbot";
    static final String SYSTEM = "Customer sentiment API";
    static final String CLINIC = "Clinic diagnosis assistant";
    private static final Logger log = LoggerFactory.getLogger(DemoTelemetry.class);

    private final TelemetryService telemetry;
    private final TelemetrySources sources;
    private final AiSystemService systems;
    private final ControlService controls;
    private final TestRunner runner;
    private final Clock clock;

    DemoTelemetry(
            TelemetryService telemetry,
            TelemetrySources sources,
            AiSystemService systems,
            ControlService controls,
            TestRunner runner,
            Clock clock) {
        this.telemetry = telemetry;
        this.sources = sources;
        this.systems = systems;
        this.controls = controls;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        TelemetrySource embedded = sources.findByName(TelemetrySource.EMBEDDED).orElse(null);
        if (embedded == null) {
            return; // the monitor is off in this instance
        }
        Actors.runAsSystem(
                Set.of(AiSystemService.SYSTEM_READ, ControlService.SYSTEM_READ, TelemetryService.SYSTEM_SEED), () -> {
                    AiSystem system = system(SYSTEM);
                    if (system != null && telemetry.links(system.getId()).isEmpty()) {
                        link(system, embedded, 0.2);
                        log.info(
                                "Demo mode: linked {} to the embedded deployment {} with drift and latency tests",
                                SYSTEM,
                                SENTIMENT_DEPLOYMENT);
                    }
                    AiSystem clinic = system(CLINIC);
                    if (clinic != null && telemetry.links(clinic.getId()).isEmpty()) {
                        TelemetryTest drift = link(clinic, embedded, 0.1);
                        if (drift != null) {
                            fileYesterdaysBreach(drift);
                        }
                        log.info(
                                "Demo mode: linked {} to the embedded deployment {} with a failed drift window of yesterday",
                                CLINIC,
                                SENTIMENT_DEPLOYMENT);
                    }
                    AiSystem chatbot = system(CHATBOT);
                    if (chatbot != null && telemetry.links(chatbot.getId()).isEmpty()) {
                        linkChatbot(chatbot, embedded);
                        log.info(
                                "Demo mode: linked {} to the embedded deployment {} with a prompt-injection test",
                                CHATBOT,
                                CHATBOT_DEPLOYMENT);
                    }
                });
    }

    /**
     * The chatbot's simulated LLM calls, with a test on its prompt-injection control: attempts flagged on fewer than
     * 1 % of prompts per five-minute window (at least 50 prompts). The simulated traffic has 5 to 10 %, so the first
     * window fails and opens a finding.
     */
    private void linkChatbot(AiSystem chatbot, TelemetrySource embedded) {
        telemetry.link(chatbot.getId(), embedded.getId(), CHATBOT_DEPLOYMENT);
        controls.appliedTo(chatbot.getId()).stream()
                .filter(a -> a.controlTitle().toLowerCase().contains("prompt injection"))
                .findFirst()
                .ifPresent(a -> telemetry.defineTest(
                        a.controlId(),
                        chatbot.getId(),
                        new TestDefinition("PROMPT_INJECTION_RATE", null, Comparison.LT, 0.01, "5m", 50, null)));
    }

    /** Links the system and defines its drift and latency tests; returns the drift test, if it has the control. */
    private TelemetryTest link(AiSystem system, TelemetrySource embedded, double psi) {
        telemetry.link(system.getId(), embedded.getId(), SENTIMENT_DEPLOYMENT);
        var applied = controls.appliedTo(system.getId());
        TelemetryTest drift = applied.stream()
                .filter(a -> a.controlTitle().toLowerCase().contains("drift"))
                .findFirst()
                .map(a -> telemetry.defineTest(
                        a.controlId(),
                        system.getId(),
                        new TestDefinition("PSI", null, Comparison.LT, psi, "5m", 50, null)))
                .orElse(null);
        applied.stream()
                .filter(a -> a.controlTitle().toLowerCase().contains("latency"))
                .findFirst()
                .ifPresent(a -> telemetry.defineTest(
                        a.controlId(),
                        system.getId(),
                        new TestDefinition("LATENCY_P95", null, Comparison.LT, 300, "5m", 20, null)));
        return drift;
    }

    /** The demo's history: one five-minute window of yesterday whose text-length drift broke the clinic's bar. */
    private void fileYesterdaysBreach(TelemetryTest drift) {
        Instant end = TestRunner.floor(clock.instant().minus(Duration.ofDays(1)), Duration.ofMinutes(5));
        runner.recordPast(
                drift,
                new TestRunner.Evaluation(
                        Outcome.FAILED,
                        0.163,
                        "text_length",
                        1500,
                        end.minus(Duration.ofMinutes(5)),
                        end,
                        "demo reference (first hour of traffic)",
                        null,
                        "demo history: filed at the demo's start"));
    }

    private AiSystem system(String name) {
        return systems.search(new AiSystemService.Filter(name, null, null, null, null), PageRequest.of(0, 5)).stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElse(null);
    }
}
