package dev.aegis.telemetry;

import dev.aegis.shared.Actors;
import java.time.Clock;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tests run and alerts are read on a schedule, by one instance at a time (ShedLock). Recording is idempotent per
 * window besides, so a test run by hand at the same moment records nothing twice.
 */
@Component
class TelemetryJobs {

    private static final Logger log = LoggerFactory.getLogger(TelemetryJobs.class);
    private final TestRunner runner;
    private final Clock clock;

    TelemetryJobs(TestRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${aegis.telemetry.test-interval-ms:60000}",
            initialDelayString = "${aegis.telemetry.test-interval-ms:60000}")
    @SchedulerLock(name = "telemetry-tests", lockAtMostFor = "PT10M")
    public void runTests() {
        // as the system, holding nothing itself: the reads and the control's "last tested" mark ask for their own
        Actors.runAsSystem(Set.of(), () -> {
            int recorded = runner.runAll(clock.instant());
            if (recorded > 0) {
                log.debug("Recorded {} telemetry test result(s)", recorded);
            }
        });
    }

    @Scheduled(
            fixedDelayString = "${aegis.telemetry.alert-interval-ms:30000}",
            initialDelayString = "${aegis.telemetry.alert-interval-ms:30000}")
    @SchedulerLock(name = "telemetry-alerts", lockAtMostFor = "PT5M")
    public void pollAlerts() {
        Actors.runAsSystem(Set.of(), runner::pollAlerts);
    }
}
