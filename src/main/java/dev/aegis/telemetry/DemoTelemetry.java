package dev.aegis.telemetry;

import dev.aegis.control.ControlService;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
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
 * minutes) on its drift-monitoring control and a p95 latency test on its latency control. Once only.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "aegis.demo", havingValue = "true")
class DemoTelemetry implements ApplicationRunner {

    /** The deployment the embedded monitor records the demo sentiment model's calls as (docs/monitor-statistics.md). */
    static final String SENTIMENT_DEPLOYMENT = "sentiment-vader";
    static final String SYSTEM = "Customer sentiment API";
    private static final Logger log = LoggerFactory.getLogger(DemoTelemetry.class);

    private final TelemetryService telemetry;
    private final TelemetrySources sources;
    private final AiSystemService systems;
    private final ControlService controls;

    DemoTelemetry(TelemetryService telemetry, TelemetrySources sources, AiSystemService systems, ControlService controls) {
        this.telemetry = telemetry;
        this.sources = sources;
        this.systems = systems;
        this.controls = controls;
    }

    @Override
    public void run(ApplicationArguments args) {
        TelemetrySource embedded = sources.findByName(TelemetrySource.EMBEDDED).orElse(null);
        if (embedded == null) {
            return; // the monitor is off in this instance
        }
        Actors.runAsSystem(Set.of(AiSystemService.SYSTEM_READ, ControlService.SYSTEM_READ, TelemetryService.SYSTEM_SEED),
                () -> {
            AiSystem system = systems.search(new AiSystemService.Filter(SYSTEM, null, null, null, null), PageRequest.of(0, 5))
                    .stream().filter(s -> s.getName().equals(SYSTEM)).findFirst().orElse(null);
            if (system == null || !telemetry.links(system.getId()).isEmpty()) {
                return;
            }
            telemetry.link(system.getId(), embedded.getId(), SENTIMENT_DEPLOYMENT);
            var applied = controls.appliedTo(system.getId());
            applied.stream().filter(a -> a.controlTitle().toLowerCase().contains("drift")).findFirst().ifPresent(a ->
                    telemetry.defineTest(a.controlId(), system.getId(),
                            new TestDefinition("PSI", null, Comparison.LT, 0.2, "5m", 50, null)));
            applied.stream().filter(a -> a.controlTitle().toLowerCase().contains("latency")).findFirst().ifPresent(a ->
                    telemetry.defineTest(a.controlId(), system.getId(),
                            new TestDefinition("LATENCY_P95", null, Comparison.LT, 300, "5m", 20, null)));
            log.info("Demo mode: linked {} to the embedded deployment {} with drift and latency tests", SYSTEM,
                    SENTIMENT_DEPLOYMENT);
        });
    }
}
