package dev.aegis.monitor;

import dev.aegis.shared.MetricVocabulary;

/**
 * The monitor's codes as people read them (metrics, comparisons, alert states, window lengths, rules), for its
 * screens and anything that prints them. Metric names are the monitor's wire vocabulary and live in
 * {@link MetricVocabulary}, which the register uses too.
 */
public final class MonitorVocabulary {

    private MonitorVocabulary() {}

    public static String metric(Metric metric) {
        return metric == null ? "" : MetricVocabulary.metric(metric.name());
    }

    /** "below" / "above". */
    public static String comparison(AlertRule.Comparison comparison) {
        return comparison == null ? "" : MetricVocabulary.comparison(comparison.name());
    }

    public static String state(Alert.State state) {
        return state == null
                ? ""
                : switch (state) {
                    case OPEN -> "Open";
                    case RESOLVED -> "Resolved";
                };
    }

    /** "5m" → "5-minute windows". */
    public static String resolution(Resolution resolution) {
        return resolution == null
                ? ""
                : switch (resolution) {
                    case FIVE_MINUTES -> "5-minute windows";
                    case ONE_HOUR -> "hourly windows";
                    case ONE_DAY -> "daily windows";
                };
    }

    /** A rule in words: "PSI of age above 0.2 on hourly windows, at least 500 events". */
    public static String rule(AlertRule rule) {
        return MetricVocabulary.metric(rule.getMetric().name(), rule.getSubject()) + " "
                + comparison(rule.getComparison())
                + " " + MetricVocabulary.format(rule.getMetric().name(), rule.getThreshold()) + " on "
                + resolution(rule.getResolution()) + ", at least " + rule.getMinSamples() + " events";
    }
}
