package dev.aegis.monitor;

import dev.aegis.monitor.sentiment.SentimentTelemetry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the demo sentiment model's calls as prediction events of the deployment {@value SentimentTelemetry#DEPLOYMENT}
 * through the same durable ingestion as the batch API ({@link IngestService}), registering the deployment on first
 * use: numeric feature {@code text_length}, labels positive/neutral/negative, the compound score, and as reference the
 * model's own traffic of its first ten minutes (from the start of the 5-minute window of the first call), so drift is
 * measured against how the model was used when it went live.
 *
 * <p>The trade-off: a call is answered before its event is durable. Writing every call on its own would put a COPY and
 * a commit (milliseconds) into each prediction (microseconds); instead calls wait in a bounded in-memory queue and are
 * written in batches every {@value #FLUSH_MILLIS} ms. Nothing the queue accepted is dropped: when it is full the caller
 * writes the queue itself (back-pressure instead of loss), a failed write keeps its events for the next attempt, and
 * shutdown writes what is left. Only a crash of the JVM loses the calls of the last fraction of a second, which is the
 * price of not slowing every answer down; an external client that needs every event durable uses the batch API.
 */
@Component
@WhenMonitorEnabled
class SentimentIngestion implements SentimentTelemetry {

    static final int CAPACITY = 10_000;
    /** How much of the first traffic is the reference. */
    static final Duration REFERENCE = Duration.ofMinutes(10);

    static final long FLUSH_MILLIS = 250;
    private static final Logger log = LoggerFactory.getLogger(SentimentIngestion.class);

    static final DeploymentDetails DETAILS = new DeploymentDetails(
            DEPLOYMENT,
            "vader-3.3.2",
            "Aegis monitor",
            "The demo VADER sentiment model served at /monitor/v1/models/sentiment/predict; its own calls.",
            List.of(new Feature("text_length", Feature.Kind.NUMERIC)),
            List.of("positive", "neutral", "negative"),
            true,
            List.of(),
            null,
            null);

    private final BlockingQueue<PredictionEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final List<PredictionEvent> unwritten = new ArrayList<>();
    private final DeploymentService deployments;
    private final IngestService ingest;
    private volatile Deployment deployment;

    SentimentIngestion(DeploymentService deployments, IngestService ingest) {
        this.deployments = deployments;
        this.ingest = ingest;
    }

    @Override
    public void record(Call call) {
        PredictionEvent event = event(call);
        while (!queue.offer(event)) {
            flush(); // full: the caller pays for the write rather than losing the call
        }
    }

    static PredictionEvent event(Call call) {
        return new PredictionEvent(
                call.requestId(),
                call.at(),
                call.latency().toNanos() / 1e6,
                !call.ok(),
                call.errorClass(),
                "{\"text_length\": " + call.textLength() + "}",
                call.label(),
                call.compound(),
                null);
    }

    /** Writes the waiting calls; called every {@value #FLUSH_MILLIS} ms, when the queue is full, and at shutdown. */
    @Scheduled(fixedDelay = FLUSH_MILLIS, initialDelay = FLUSH_MILLIS)
    synchronized void flush() {
        queue.drainTo(unwritten);
        if (unwritten.isEmpty()) {
            return;
        }
        try {
            ingest.record(deployment(unwritten.getFirst().timestamp()), List.copyOf(unwritten));
            unwritten.clear();
        } catch (RuntimeException e) {
            // kept for the next attempt; the queue goes on taking calls meanwhile
            log.warn("Could not write {} sentiment calls yet: {}", unwritten.size(), e.toString());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }

    private Deployment deployment(Instant firstCall) {
        Deployment d = deployment;
        if (d == null) {
            // the reference: the first ten minutes of traffic, from the start of the first call's 5-minute window
            Instant start = Resolution.FIVE_MINUTES.floor(firstCall);
            var details = new DeploymentDetails(
                    DETAILS.name(),
                    DETAILS.modelVersion(),
                    DETAILS.owner(),
                    DETAILS.description(),
                    DETAILS.features(),
                    DETAILS.labels(),
                    DETAILS.hasScore(),
                    DETAILS.protectedAttributes(),
                    DETAILS.latencyBudgetMs(),
                    ReferenceWindow.timeRange(start, start.plus(REFERENCE)));
            try {
                d = deployments.ensure(details);
            } catch (DataIntegrityViolationException e) {
                d = deployments.ensure(details); // another instance registered it at the same moment
            }
            deployment = d;
        }
        return d;
    }
}
