package dev.aegis.monitor.sentiment;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where the sentiment model reports each call: the monitor's ingestion implements it to record the model's own
 * traffic, latency, outcomes, labels, scores and the text-length feature. Until then {@link NoSentimentTelemetry}
 * (a fallback bean) drops the calls. Implementations must be quick and must not throw; the model logs and ignores
 * anything they throw.
 */
@FunctionalInterface
public interface SentimentTelemetry {

    /** Deployment name under which the model reports itself. */
    String DEPLOYMENT = "sentiment-vader";

    void record(Call call);

    /**
     * One call of the model.
     *
     * @param requestId  unique id of the call
     * @param at         when the call arrived
     * @param source     "api" or "simulator"
     * @param latency    time spent in the model
     * @param errorClass null for a successful call, else the kind of failure ("rate_limited", an exception name)
     * @param label      predicted label; null when the call failed
     * @param compound   compound score; null when the call failed
     * @param textLength characters of the input text (a numeric feature for drift); 0 when unknown
     */
    record Call(
            String requestId,
            Instant at,
            String source,
            Duration latency,
            @Nullable String errorClass,
            @Nullable String label,
            @Nullable Double compound,
            int textLength) {

        public boolean ok() {
            return errorClass == null;
        }
    }
}
