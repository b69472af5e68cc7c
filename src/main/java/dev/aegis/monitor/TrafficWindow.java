package dev.aegis.monitor;

import java.time.Instant;

/**
 * One window of a deployment's traffic, all instances added up: events, errors, error rate and latency percentiles
 * in milliseconds (null when no event of the window carried a latency).
 */
public record TrafficWindow(
        String resolution,
        Instant start,
        Instant end,
        long count,
        long errors,
        double errorRate,
        Double latencyP50Ms,
        Double latencyP95Ms,
        Double latencyP99Ms,
        Double latencyMaxMs,
        int instances) {

    static TrafficWindow of(Resolution resolution, AggregateStore.Window w) {
        var h = w.latency();
        return new TrafficWindow(
                resolution.code(),
                w.start(),
                w.end(),
                w.count(),
                w.errors(),
                w.count() == 0 ? 0 : (double) w.errors() / w.count(),
                LatencyHistograms.percentileMs(h, 50),
                LatencyHistograms.percentileMs(h, 95),
                LatencyHistograms.percentileMs(h, 99),
                h.getTotalCount() == 0 ? null : h.getMaxValue() / 1000.0,
                w.instances());
    }

    /** The value of a traffic metric in this window. */
    Double value(Metric metric) {
        return switch (metric) {
            case TRAFFIC -> (double) count;
            case ERROR_RATE -> errorRate;
            case LATENCY_P50 -> latencyP50Ms;
            case LATENCY_P95 -> latencyP95Ms;
            case LATENCY_P99 -> latencyP99Ms;
            default -> throw new IllegalArgumentException(metric + " is no traffic metric");
        };
    }
}
