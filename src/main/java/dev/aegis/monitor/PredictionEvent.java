package dev.aegis.monitor;

import java.time.Instant;

/** One prediction as the monitor keeps it, checked against its deployment. {@code featuresJson} is a JSON object. */
record PredictionEvent(
        String requestId,
        Instant timestamp,
        Double latencyMs,
        boolean error,
        String errorClass,
        String featuresJson,
        String predictedLabel,
        Double score,
        String group) {}
