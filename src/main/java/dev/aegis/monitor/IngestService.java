package dev.aegis.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in prediction events: checks each against its deployment, writes the good ones with COPY in one transaction
 * and only then answers (so an accepted batch survives a crash right after), and hands them to the window aggregator.
 */
@Service
@WhenMonitorEnabled
public class IngestService {

    private final DeploymentService deployments;
    private final EventWriter writer;
    private final WindowAggregator aggregator;
    private final IngestLimiter limiter;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final MonitorSettings settings;
    private final LlmScanner llm;
    private final Clock clock;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter throttled;
    private final Timer writes;

    IngestService(
            DeploymentService deployments,
            EventWriter writer,
            WindowAggregator aggregator,
            IngestLimiter limiter,
            TransactionTemplate tx,
            JsonMapper json,
            MonitorSettings settings,
            LlmScanner llm,
            Clock clock,
            MeterRegistry meters) {
        this.llm = llm;
        this.deployments = deployments;
        this.writer = writer;
        this.aggregator = aggregator;
        this.limiter = limiter;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.accepted = Counter.builder("aegis.monitor.events.accepted")
                .description("Prediction events accepted")
                .register(meters);
        this.rejected = Counter.builder("aegis.monitor.events.rejected")
                .description("Prediction events refused")
                .register(meters);
        this.throttled = Counter.builder("aegis.monitor.ingest.throttled")
                .description("Ingestion requests answered 429")
                .register(meters);
        this.writes = Timer.builder("aegis.monitor.ingest.write")
                .description("Writing one accepted batch (COPY and commit)")
                .register(meters);
        Gauge.builder("aegis.monitor.aggregation.pending", aggregator, WindowAggregator::pending)
                .description("Accepted batches not yet folded into the window aggregates")
                .register(meters);
    }

    /**
     * Reads, checks and keeps the events of one request ({@code referenceBatch}: stored as that reference batch instead
     * of live traffic).
     */
    @PreAuthorize(Permissions.INGEST)
    public IngestResult ingest(String deploymentName, InputStream body, String referenceBatch) {
        Deployment deployment = deployments.find(deploymentName);
        if (referenceBatch != null && !referenceBatch.matches("[A-Za-z_][A-Za-z0-9_.-]{0,99}")) {
            throw new dev.aegis.shared.DomainRuleException(
                    "reference", "Name the reference batch with letters, digits, '_', '.', '-'.");
        }
        try {
            limiter.acquire();
        } catch (IngestProblems.Busy e) {
            throttled.increment();
            throw e;
        }
        try {
            Instant now = clock.instant();
            boolean reference = referenceBatch != null;
            var reader = new EventReader(
                    json,
                    deployment,
                    reference ? null : now.minus(settings.retention()),
                    reference ? null : now.plus(settings.futureTolerance()),
                    settings.maxBatchEvents(),
                    llm);
            var batch = reader.read(body);
            List<PredictionEvent> events = batch.events();
            keep(deployment, events, referenceBatch, now);
            rejected.increment(batch.rejections().size());
            return new IngestResult(events.size(), batch.rejections().size(), batch.rejections());
        } finally {
            limiter.release();
        }
    }

    /**
     * Keeps events the monitor produced itself (already checked, e.g. the sentiment model's own calls): the same
     * durable write and aggregation as {@link #ingest}, without parsing, permission check or concurrency limit (the
     * caller batches and is a single writer).
     */
    void record(Deployment deployment, List<PredictionEvent> events) {
        keep(deployment, events, null, clock.instant());
    }

    /**
     * Keeps events another reader already checked (the OTLP ingestion): the same durable write, aggregation, counters
     * and concurrency limit as {@link #ingest}; the caller has checked the token's permission.
     */
    void keepChecked(Deployment deployment, List<PredictionEvent> events, int rejectedCount) {
        try {
            limiter.acquire();
        } catch (IngestProblems.Busy e) {
            throttled.increment();
            throw e;
        }
        try {
            keep(deployment, events, null, clock.instant());
            rejected.increment(rejectedCount);
        } finally {
            limiter.release();
        }
    }

    private void keep(Deployment deployment, List<PredictionEvent> events, String referenceBatch, Instant now) {
        if (!events.isEmpty()) {
            long ingestId = writes.record(() -> tx.execute(
                    s -> writer.write(deployment.getId(), referenceBatch, events, settings.instanceId(), now)));
            if (referenceBatch == null) {
                aggregator.record(deployment.getId(), ingestId, events);
            }
        }
        accepted.increment(events.size());
    }
}
