package dev.aegis.telemetry;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The monitor's metric names as its HTTP API speaks them (docs/monitor.md). Traffic metrics come from the traffic
 * windows, the others are stored figures with a subject (feature, group or label), a reference and bin edges.
 */
public final class Metrics {

    public static final Set<String> TRAFFIC =
            Set.of("TRAFFIC", "ERROR_RATE", "LATENCY_P50", "LATENCY_P95", "LATENCY_P99");
    public static final List<String> NAMES = List.of(
            "ERROR_RATE",
            "LATENCY_P50",
            "LATENCY_P95",
            "LATENCY_P99",
            "TRAFFIC",
            "PSI",
            "JS_DISTANCE",
            "KS_STATISTIC",
            "KS_P_VALUE",
            "WASSERSTEIN",
            "WASSERSTEIN_NORMALIZED",
            "CHI2_STATISTIC",
            "CHI2_P_VALUE",
            "SELECTION_RATE",
            "DEMOGRAPHIC_PARITY_DIFFERENCE",
            "DISPARATE_IMPACT_RATIO",
            "EQUAL_OPPORTUNITY_DIFFERENCE",
            "EQUALIZED_ODDS_DIFFERENCE",
            "ACCURACY",
            "PRECISION",
            "RECALL",
            "F1",
            "PROMPT_INJECTION_RATE",
            "PERSONAL_DATA_PROMPT_RATE",
            "PERSONAL_DATA_RESPONSE_RATE",
            "REFUSAL_RATE",
            "OUTPUT_LENGTH_MEAN",
            "INPUT_TOKENS",
            "OUTPUT_TOKENS",
            "COST",
            "MISSING_VALUE_RATE",
            "OUT_OF_RANGE_RATE",
            "NEW_CATEGORY_RATE");

    private Metrics() {}

    /** The metric's name as the monitor spells it, or null when the monitor has no such metric. */
    public static String normalise(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return NAMES.contains(upper) ? upper : null;
    }

    /** A stored figure (drift, fairness, performance) rather than a traffic window value. */
    public static boolean figure(String metric) {
        return !TRAFFIC.contains(metric);
    }
}
