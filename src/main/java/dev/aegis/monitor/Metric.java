package dev.aegis.monitor;

import java.util.Arrays;

/**
 * What an alert rule watches. Traffic metrics come from the window aggregates; the others are figures stored per
 * window ({@code monitor.figure}, metric name = this enum's name) by the drift, fairness and performance evaluation.
 * A rule on a figure nobody has computed yet simply stays unevaluated.
 */
public enum Metric {
    TRAFFIC(true),
    ERROR_RATE(true),
    LATENCY_P50(true),
    LATENCY_P95(true),
    LATENCY_P99(true),
    PSI(false),
    JS_DISTANCE(false),
    KS_STATISTIC(false),
    KS_P_VALUE(false),
    WASSERSTEIN(false),
    WASSERSTEIN_NORMALIZED(false),
    CHI2_STATISTIC(false),
    CHI2_P_VALUE(false),
    SELECTION_RATE(false),
    DEMOGRAPHIC_PARITY_DIFFERENCE(false),
    DISPARATE_IMPACT_RATIO(false),
    EQUAL_OPPORTUNITY_DIFFERENCE(false),
    EQUALIZED_ODDS_DIFFERENCE(false),
    ACCURACY(false),
    PRECISION(false),
    RECALL(false),
    F1(false),
    /** Share of prompts with a prompt-injection score of at least 0.5. */
    PROMPT_INJECTION_RATE(false),
    /** Share of prompts holding personal data (subject: the kind in words; none: any kind). */
    PERSONAL_DATA_PROMPT_RATE(false),
    /** Share of responses holding personal data (subject: the kind in words; none: any kind). */
    PERSONAL_DATA_RESPONSE_RATE(false),
    /** Share of responses that decline the request. */
    REFUSAL_RATE(false),
    /** Mean response length in characters. */
    OUTPUT_LENGTH_MEAN(false),
    /** Input (prompt) tokens used in the window. */
    INPUT_TOKENS(false),
    /** Output (completion) tokens used in the window. */
    OUTPUT_TOKENS(false),
    /** What the window's calls cost, from the price table (subject: the model; none: all models). */
    COST(false),
    /** Share of the window's events whose value of the feature (subject) is missing: absent or null. */
    MISSING_VALUE_RATE(false),
    /** Share of a numeric feature's values in the window below the reference's minimum or above its maximum. */
    OUT_OF_RANGE_RATE(false),
    /** Share of a categorical feature's values in the window whose category never occurs in the reference. */
    NEW_CATEGORY_RATE(false);

    private final boolean traffic;

    Metric(boolean traffic) {
        this.traffic = traffic;
    }

    /** Computed from the traffic windows (counts and latency histograms) rather than stored as a figure. */
    public boolean traffic() {
        return traffic;
    }

    public static Metric of(String name) {
        return Arrays.stream(values())
                .filter(m -> m.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new dev.aegis.shared.DomainRuleException(
                        "metric", "metric is one of " + Arrays.toString(values())));
    }
}
