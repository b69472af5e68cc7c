package dev.aegis.monitor;

import java.time.Instant;

/**
 * One prediction as the monitor keeps it, checked against its deployment. {@code featuresJson} is a JSON object;
 * {@code llmJson}, for an LLM call, its model, tokens, cost and risk signals (never its text), or null.
 */
record PredictionEvent(
        String requestId,
        Instant timestamp,
        Double latencyMs,
        boolean error,
        String errorClass,
        String featuresJson,
        String predictedLabel,
        Double score,
        String group,
        String llmJson) {

    /** An event that is no LLM call. */
    PredictionEvent(
            String requestId,
            Instant timestamp,
            Double latencyMs,
            boolean error,
            String errorClass,
            String featuresJson,
            String predictedLabel,
            Double score,
            String group) {
        this(requestId, timestamp, latencyMs, error, errorClass, featuresJson, predictedLabel, score, group, null);
    }
}
