package dev.aegis.telemetry;

import java.util.Map;
import java.util.Optional;

/**
 * The telemetry test suggested for a starter control (by its starter reference, e.g. "SC-26"), which an officer adopts
 * in one click on the control's page for each AI system it is applied to. The LLM controls mapped to the OWASP Top 10
 * for LLM Applications get tests on the monitor's LLM figures (LLM01 prompt injection, LLM02 sensitive information
 * disclosure, LLM05 improper output handling, LLM10 unbounded consumption); the monitoring controls get the drift,
 * fairness, data-quality and error-rate tests their descriptions promise. Thresholds are starting points: the test is
 * the officer's to change once adopted.
 */
public final class SuggestedTests {

    /** A suggestion: the test, and the sentence that says what it checks and why. */
    public record Suggestion(String starterId, String sentence, TestDefinition test) {}

    private static final Map<String, Suggestion> BY_STARTER = Map.of(
            "SC-26",
            new Suggestion(
                    "SC-26",
                    "Prompt-injection attempts flagged below 1 % of prompts, per hour with at least 50 prompts"
                            + " (OWASP LLM01)",
                    new TestDefinition("PROMPT_INJECTION_RATE", null, Comparison.LT, 0.01, "1h", 50, null)),
            "SC-36",
            new Suggestion(
                    "SC-36",
                    "No burst of prompt-injection attempts: below 5 % of prompts in any five minutes with at least 20"
                            + " prompts (OWASP LLM01)",
                    new TestDefinition("PROMPT_INJECTION_RATE", null, Comparison.LT, 0.05, "5m", 20, null)),
            "SC-04",
            new Suggestion(
                    "SC-04",
                    "No payment card numbers in responses, per hour (OWASP LLM02)",
                    new TestDefinition(
                            "PERSONAL_DATA_RESPONSE_RATE", "payment card number", Comparison.LE, 0, "1h", 1, null)),
            "SC-27",
            new Suggestion(
                    "SC-27",
                    "Responses carrying personal data of any kind below 1 %, per hour with at least 50 responses"
                            + " (OWASP LLM05)",
                    new TestDefinition("PERSONAL_DATA_RESPONSE_RATE", null, Comparison.LT, 0.01, "1h", 50, null)),
            "SC-24",
            new Suggestion(
                    "SC-24",
                    "Cost per day below budget: 50 in the price table's currency to start with, set your own"
                            + " (OWASP LLM10)",
                    new TestDefinition("COST", null, Comparison.LT, 50, "1d", 1, null)),
            "SC-34",
            new Suggestion(
                    "SC-34",
                    "PSI below 0.2 on every feature, per hour with at least 500 events",
                    new TestDefinition("PSI", null, Comparison.LT, 0.2, "1h", 500, null)),
            "SC-35",
            new Suggestion(
                    "SC-35",
                    "Demographic parity difference below 0.1, per hour with at least 500 events",
                    new TestDefinition("DEMOGRAPHIC_PARITY_DIFFERENCE", null, Comparison.LT, 0.1, "1h", 500, null)),
            "SC-06",
            new Suggestion(
                    "SC-06",
                    "Missing values below 5 % on every feature, per hour with at least 100 events",
                    new TestDefinition("MISSING_VALUE_RATE", null, Comparison.LT, 0.05, "1h", 100, null)),
            "SC-37",
            new Suggestion(
                    "SC-37",
                    "Error rate below 1 %, per five minutes with at least 100 calls",
                    new TestDefinition("ERROR_RATE", null, Comparison.LT, 0.01, "5m", 100, null)));

    private SuggestedTests() {}

    /** The suggestion for a starter control, if it has one. */
    public static Optional<Suggestion> forStarter(String starterId) {
        return starterId == null ? Optional.empty() : Optional.ofNullable(BY_STARTER.get(starterId));
    }

    /** Every suggestion (for the docs and tests). */
    public static Map<String, Suggestion> all() {
        return BY_STARTER;
    }
}
