/**
 * Findings: what the telemetry loop found wrong with an AI system (a failed control test, an alert seen open at a
 * monitor), linked to the system, the control and the risks it mitigates, carried through open → investigating →
 * resolved or accepted and reopened when the cause breaches again; the dashboard's view of controls passing and
 * failing and of breaches over time.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "security",
            "inventory",
            "inventory :: system-page",
            "control",
            "risk",
            "telemetry",
            "notification"
        })
package dev.aegis.finding;
