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
            Map.entry("F1", "F1 score"),
            Map.entry("PROMPT_INJECTION_RATE", "Prompt-injection attempts"),
            Map.entry("PERSONAL_DATA_PROMPT_RATE", "Prompts with personal data"),
            Map.entry("PERSONAL_DATA_RESPONSE_RATE", "Responses with personal data"),
            Map.entry("REFUSAL_RATE", "Refusals"),
            Map.entry("OUTPUT_LENGTH_MEAN", "Mean response length"),
            Map.entry("INPUT_TOKENS", "Input tokens"),
            Map.entry("OUTPUT_TOKENS", "Output tokens"),
            Map.entry("COST", "Cost"),
            Map.entry("MISSING_VALUE_RATE", "Missing values"),
            Map.entry("OUT_OF_RANGE_RATE", "Values outside the reference's range"),
            Map.entry("NEW_CATEGORY_RATE", "Categories not in the reference"));

    /** Figures that are shares of calls, shown in per cent. */
    private static final java.util.Set<String> SHARES = java.util.Set.of(
            "ERROR_RATE",
            "PROMPT_INJECTION_RATE",
            "PERSONAL_DATA_PROMPT_RATE",
            "PERSONAL_DATA_RESPONSE_RATE",
            "REFUSAL_RATE",
            "MISSING_VALUE_RATE",
            "OUT_OF_RANGE_RATE",
            "NEW_CATEGORY_RATE");

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

    /**
     * A metric with its subject (a feature, group or label): "PSI of age"; the LLM figures read "Responses with personal
     * data: payment card number" and "Cost of gpt-4o-mini".
     */
    public static String metric(String code, String subject) {
        if (subject == null || subject.isBlank()) {
            return metric(code);
        }
        String upper = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
        return metric(code) + (upper.startsWith("PERSONAL_DATA_") ? ": " : " of ") + subject;
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

    /**
     * A figure in the metric's unit: latencies in ms, the error rate and the LLM shares in per cent, counts and tokens
     * whole, cost with two decimals (the price table's currency), the rest 4 digits.
     */
    public static String format(String metric, double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (metric != null && metric.startsWith("LATENCY")) {
            return String.format(Locale.ROOT, "%.0f ms", value);
        }
        if (metric != null && SHARES.contains(metric)) {
            return String.format(Locale.ROOT, "%.2f %%", value * 100);
        }
        if ("TRAFFIC".equals(metric)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if ("INPUT_TOKENS".equals(metric) || "OUTPUT_TOKENS".equals(metric)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if ("OUTPUT_LENGTH_MEAN".equals(metric)) {
            return String.format(Locale.ROOT, "%,.0f characters", value);
        }
        if ("COST".equals(metric)) {
            return String.format(Locale.ROOT, "%,.2f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
