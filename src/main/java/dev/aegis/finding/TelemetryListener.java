package dev.aegis.finding;

import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.MonitorAlertObserved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hears the telemetry loop. Like the rest of Aegis's cross-module listeners (the audit log, scope proposals) it runs
 * in the publisher's transaction: a recorded result and the finding it opens commit or roll back together, so none is
 * lost between them without an event publication registry. Deliveries are idempotent (a result or an alert state
 * counts once), so a publisher that retries is safe. A result naming a system removed meanwhile records no finding
 * and never fails the publisher's transaction (the service checks first instead of catching "not found", which
 * would already have marked the transaction for rollback).
 */
@Component
class TelemetryListener {

    private final FindingService findings;

    TelemetryListener(FindingService findings) {
        this.findings = findings;
    }

    @EventListener
    @Transactional
    void on(ControlTestRecorded result) {
        findings.record(result);
    }

    @EventListener
    @Transactional
    void on(MonitorAlertObserved alert) {
        findings.record(alert);
    }
}
