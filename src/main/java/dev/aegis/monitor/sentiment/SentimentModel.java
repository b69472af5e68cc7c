package dev.aegis.monitor.sentiment;

import dev.aegis.monitor.WhenMonitorEnabled;
import dev.aegis.shared.DomainRuleException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The demo model the monitor serves: VADER sentiment over a text of at most {@value #MAX_TEXT_LENGTH} characters.
 * Every call, successful or not, is reported to {@link SentimentTelemetry}. Stateless and thread-safe.
 */
@Service
@WhenMonitorEnabled
public class SentimentModel {

    public static final int MAX_TEXT_LENGTH = 5_000;
    private static final Logger log = LoggerFactory.getLogger(SentimentModel.class);

    private final Vader vader = Vader.load();
    private final SentimentTelemetry telemetry;
    private final Clock clock;

    public SentimentModel(SentimentTelemetry telemetry, Clock clock) {
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** Scores a text given through the API. */
    public SentimentPrediction predict(String text) {
        return predict(text, "api");
    }

    /**
     * Scores a text and reports the call under the given source.
     *
     * @throws DomainRuleException when the text is blank or longer than {@value #MAX_TEXT_LENGTH} characters
     */
    public SentimentPrediction predict(String text, String source) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        int length = text == null ? 0 : text.length();
        try {
            requireValid(text);
            SentimentPrediction prediction = SentimentPrediction.of(vader.polarityScores(text));
            report(new SentimentTelemetry.Call(
                    requestId,
                    at,
                    source,
                    Duration.ofNanos(System.nanoTime() - start),
                    null,
                    prediction.label(),
                    prediction.compound(),
                    length));
            return prediction;
        } catch (DomainRuleException e) {
            report(new SentimentTelemetry.Call(
                    requestId,
                    at,
                    source,
                    Duration.ofNanos(System.nanoTime() - start),
                    "invalid_input",
                    null,
                    null,
                    length));
            throw e;
        } catch (RuntimeException e) {
            report(new SentimentTelemetry.Call(
                    requestId,
                    at,
                    source,
                    Duration.ofNanos(System.nanoTime() - start),
                    e.getClass().getSimpleName(),
                    null,
                    null,
                    length));
            throw e;
        }
    }

    /** Reports a call refused before it reached the model (rate limit). */
    void reportRefused(String source, String errorClass) {
        report(new SentimentTelemetry.Call(
                UUID.randomUUID().toString(), clock.instant(), source, Duration.ZERO, errorClass, null, null, 0));
    }

    private static void requireValid(String text) {
        if (text == null || text.isBlank()) {
            throw new DomainRuleException("text", "Give a text to score.");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new DomainRuleException(
                    "text",
                    "The text has " + text.length() + " characters; at most " + MAX_TEXT_LENGTH + " are scored.");
        }
    }

    private void report(SentimentTelemetry.Call call) {
        try {
            telemetry.record(call);
        } catch (RuntimeException e) {
            log.warn("Sentiment telemetry failed, the prediction is answered anyway: {}", e.toString());
        }
    }
}
