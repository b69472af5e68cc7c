package dev.aegis.monitor;

import java.time.Instant;

/**
 * One computed figure of a deployment's window, kept as reproducible evidence: the metric (a {@link Metric} name),
 * its subject (feature, group or label; null for the whole deployment), the value, further values as JSON (e.g. the
 * per-bin shares, degrees of freedom), the reference it was compared with (JSON: kind, range or batch, size) and the
 * bin edges used (JSON array), with the sample sizes.
 */
public record Figure(
        Long id,
        String deployment,
        String resolution,
        Instant windowStart,
        Instant windowEnd,
        String metric,
        String subject,
        Double value,
        String detailJson,
        String referenceJson,
        String binEdgesJson,
        Long sampleSize,
        Long referenceSize,
        Instant computedAt) {}
