/**
 * The register's side of the telemetry loop: AI systems linked to monitored deployments (the embedded monitor, a
 * stand-alone monitor at another URL, or a Prometheus server), telemetry pulled over HTTP through one resilient
 * client, and telemetry tests on controls applied to AI systems, run on a schedule, each result kept as dated
 * evidence. It reaches the monitor over HTTP only, never through the monitor's classes.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "inventory",
            "inventory :: system-page",
            "control",
            "control :: control-page",
            "risk",
            "security"
        })
package dev.aegis.telemetry;
