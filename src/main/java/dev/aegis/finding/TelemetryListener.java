package dev.aegis.finding;

import dev.aegis.shared.Actors;
import dev.aegis.shared.ListenerPause;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.MonitorAlertObserved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hears the telemetry loop. Each event reaches it after the telemetry module's transaction commits, in a transaction
 * of its own, recorded in the event publication registry until it completes: a crash or a failure in between leaves
 * the publication incomplete, and it is delivered again at start-up or by the resubmission schedule
 * ({@link dev.aegis.shared.EventPublications}). Deliveries are idempotent (a result or an alert state counts once:
 * its occurrence's delivery key is unique), so a second delivery records nothing twice. The listener acts as the
 * system actor, holding only the permissions to record findings and tell people (the risks are flagged with a
 * permission of their own, see {@link FindingNotices}).
 */
@Component
class TelemetryListener {

    private final FindingRecorder findings;
    private final ListenerPause pause;

    TelemetryListener(FindingRecorder findings, ListenerPause pause) {
        this.findings = findings;
        this.pause = pause;
    }

    @ApplicationModuleListener
    void on(ControlTestRecorded result) {
        pause.hold("finding of telemetry result " + result.resultId());
        Actors.runAsSystem(FindingRecorder.RECORDING, () -> findings.record(result));
    }

    @ApplicationModuleListener
    void on(MonitorAlertObserved alert) {
        Actors.runAsSystem(FindingRecorder.RECORDING, () -> findings.record(alert));
    }
}
