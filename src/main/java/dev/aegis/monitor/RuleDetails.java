package dev.aegis.monitor;

import dev.aegis.monitor.AlertRule.Comparison;

/** What defines an alert rule; a {@code null} subject means every feature or group. */
public record RuleDetails(
        Metric metric,
        String subject,
        Comparison comparison,
        double threshold,
        Resolution resolution,
        long minSamples,
        boolean enabled) {}
