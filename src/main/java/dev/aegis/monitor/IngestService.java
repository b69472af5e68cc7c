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

    /** The first key of the advisory lock that serialises the idempotent writes of one deployment. */
    private static final int ONCE_LOCK = 0x6d6f6e6f;

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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

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
            MeterRegistry meters,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
     * As {@link #ingest} for live traffic, but idempotent by request id: events whose request id the deployment already
     * holds (at the same time) are skipped, not written again — for sources that deliver at least once (a Kafka
     * consumer after a crash, the KServe logger's retries). Skipped events count as accepted.
     */
    @PreAuthorize(Permissions.INGEST)
    public IngestResult ingestOnce(String deploymentName, InputStream body) {
        Deployment deployment = deployments.find(deploymentName);
        try {
            limiter.acquire();
        } catch (IngestProblems.Busy e) {
            throttled.increment();
            throw e;
        }
        try {
            Instant now = clock.instant();
            var reader = new EventReader(
                    json,
                    deployment,
                    now.minus(settings.retention()),
                    now.plus(settings.futureTolerance()),
                    settings.maxBatchEvents(),
                    llm);
            var batch = reader.read(body);
            List<PredictionEvent> events = batch.events();
            if (!events.isEmpty()) {
                List<List<PredictionEvent>> written = new java.util.ArrayList<>(1);
                long ingestId = writes.record(() -> tx.execute(s -> {
                    // one idempotent writer per deployment at a time, so two deliveries of the same event (a
                    // rebalance, a retry) cannot both find it missing
                    jdbc.queryForObject(
                            "select pg_advisory_xact_lock(?, ?)",
                            Object.class,
                            ONCE_LOCK,
                            Long.hashCode(deployment.getId()));
                    List<PredictionEvent> fresh = unseen(deployment.getId(), events);
                    written.add(fresh);
                    return fresh.isEmpty()
                            ? -1L
                            : writer.write(deployment.getId(), null, fresh, settings.instanceId(), now);
                }));
                if (ingestId >= 0) {
                    aggregator.record(deployment.getId(), ingestId, written.getLast());
                }
            }
            accepted.increment(events.size());
            rejected.increment(batch.rejections().size());
            return new IngestResult(events.size(), batch.rejections().size(), batch.rejections());
        } finally {
            limiter.release();
        }
    }

    /** The events whose request id the deployment does not hold yet at their time. */
    private List<PredictionEvent> unseen(long deploymentId, List<PredictionEvent> events) {
        Instant min = events.getFirst().timestamp();
        Instant max = min;
        StringBuilder ids = new StringBuilder("{");
        for (PredictionEvent e : events) {
            min = e.timestamp().isBefore(min) ? e.timestamp() : min;
            max = e.timestamp().isAfter(max) ? e.timestamp() : max;
            if (ids.length() > 1) {
                ids.append(',');
            }
            ids.append('"')
                    .append(e.requestId().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        ids.append('}');
        java.util.Set<String> known = new java.util.HashSet<>(jdbc.queryForList(
                "select request_id || '@' || (extract(epoch from ts) * 1000000)::bigint from monitor.event "
                        + "where deployment_id = ? and ts >= ? and ts < ? and request_id = any(?::varchar[])",
                String.class,
                deploymentId,
                // bounds at the microseconds the table keeps (the driver would round a nanosecond bound up, past the
                // event it was taken from)
                java.sql.Timestamp.from(min.truncatedTo(java.time.temporal.ChronoUnit.MICROS)),
                java.sql.Timestamp.from(max.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .plus(1, java.time.temporal.ChronoUnit.MICROS)),
                ids.toString()));
        java.util.Set<String> inBatch = new java.util.HashSet<>();
        List<PredictionEvent> fresh = new java.util.ArrayList<>();
        for (PredictionEvent e : events) {
            String key = e.requestId() + "@" + micros(e.timestamp());
            if (!known.contains(key) && inBatch.add(key)) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
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
