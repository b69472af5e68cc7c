/**
 * The embedded inference monitor: model deployments, prediction telemetry taken in over its own token-protected
 * HTTP API, mergeable traffic windows, figures, alert rules and alerts. Separable by design (STYLE.md): it uses
 * {@code shared} only (it may use {@code security}, and needs nothing from it), keeps its own schema, and the
 * register reaches it over HTTP.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package dev.aegis.monitor;
