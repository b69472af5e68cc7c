package dev.aegis.shared;

import java.util.Locale;
import java.util.Map;

/**
 * The monitor's metric and comparison codes as people read them, in one place for every screen, export and PDF: the
 * monitor's own screens, the register's telemetry tests and the findings they open. Shared because the codes are the
 * wire vocabulary of the monitor's HTTP API, which the register speaks without importing the monitor.
 */
public final class MetricVocabulary {

    private static final Map<String, String> METRICS = Map.ofEntries(
            Map.entry("TRAFFIC", "Traffic"),
            Map.entry("ERROR_RATE", "Error rate"),
            Map.entry("LATENCY_P50", "Median latency (p50)"),
            Map.entry("LATENCY_P95", "p95 latency"),
            Map.entry("LATENCY_P99", "p99 latency"),
            Map.entry("PSI", "PSI"),
            Map.entry("JS_DISTANCE", "Jensen–Shannon distance"),
            Map.entry("KS_STATISTIC", "Kolmogorov–Smirnov statistic"),
            Map.entry("KS_P_VALUE", "Kolmogorov–Smirnov p-value"),
            Map.entry("WASSERSTEIN", "Wasserstein distance"),
            Map.entry("WASSERSTEIN_NORMALIZED", "Wasserstein distance (normalised)"),
            Map.entry("CHI2_STATISTIC", "Chi-squared statistic"),
            Map.entry("CHI2_P_VALUE", "Chi-squared p-value"),
            Map.entry("SELECTION_RATE", "Selection rate"),
            Map.entry("DEMOGRAPHIC_PARITY_DIFFERENCE", "Demographic parity difference"),
            Map.entry("DISPARATE_IMPACT_RATIO", "Disparate impact ratio"),
            Map.entry("EQUAL_OPPORTUNITY_DIFFERENCE", "Equal opportunity difference"),
            Map.entry("EQUALIZED_ODDS_DIFFERENCE", "Equalised odds difference"),
            Map.entry("ACCURACY", "Accuracy"),
            Map.entry("PRECISION", "Precision"),
            Map.entry("RECALL", "Recall"),
            Map.entry("F1", "F1 score"));

    private MetricVocabulary() {}

    /** "KS_P_VALUE" → "Kolmogorov–Smirnov p-value"; an unknown code in words ("MY_METRIC" → "My metric"). */
    public static String metric(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String known = METRICS.get(code.trim().toUpperCase(Locale.ROOT));
        return known != null ? known : Words.of(code);
    }

    /** As {@link #metric}, lower-cased for the middle of a sentence ("no p95 latency computed yet"). */
    public static String metricInSentence(String code) {
        String label = metric(code);
        return label.length() > 1 && Character.isUpperCase(label.charAt(1))
                ? label
                : label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** A metric with its subject (a feature, group or label): "PSI of age". */
    public static String metric(String code, String subject) {
        return metric(code) + (subject == null || subject.isBlank() ? "" : " of " + subject);
    }

    /** "LT" → "below", "LE" → "at most", "GT" → "above", "GE" → "at least". */
    public static String comparison(String code) {
        if (code == null) {
            return "";
        }
        return switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "LT", "<" -> "below";
            case "LE", "≤", "<=" -> "at most";
            case "GT", ">" -> "above";
            case "GE", "≥", ">=" -> "at least";
            default -> Words.of(code).toLowerCase(Locale.ROOT);
        };
    }

    /** A figure in the metric's unit: latencies in ms, the error rate in per cent, counts whole, the rest 4 digits. */
    public static String format(String metric, double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (metric != null && metric.startsWith("LATENCY")) {
            return String.format(Locale.ROOT, "%.0f ms", value);
        }
        if ("ERROR_RATE".equals(metric)) {
            return String.format(Locale.ROOT, "%.2f %%", value * 100);
        }
        if ("TRAFFIC".equals(metric)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
