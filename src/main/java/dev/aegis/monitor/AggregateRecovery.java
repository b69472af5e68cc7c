package dev.aegis.monitor;

import dev.aegis.monitor.AggregateStore.Delta;
import dev.aegis.monitor.AggregateStore.Key;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches that were accepted (their events are in the database) but never folded into the window aggregates, because
 * their instance died or could not flush, are folded in here from the raw events, on whichever instance runs the job.
 * A batch counts as left behind once it has waited longer than {@link #GRACE}, far longer than a flush takes.
 */
@Component
@WhenMonitorEnabled
class AggregateRecovery {

    static final Duration GRACE = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final AggregateStore store;
    private final TransactionTemplate tx;
    private final MonitorSettings settings;
    private final Clock clock;

    AggregateRecovery(
            JdbcTemplate jdbc, AggregateStore store, TransactionTemplate tx, MonitorSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    @SchedulerLock(name = "monitor.aggregate-recovery", lockAtMostFor = "PT10M")
    void recoverLeftBehind() {
        while (recover(clock.instant().minus(GRACE), 50) > 0) {
            // next page of left-behind batches
        }
    }

    /** Folds in up to {@code limit} unaggregated batches received before {@code before}; returns how many. */
    int recover(Instant before, int limit) {
        Integer done = tx.execute(s -> {
            record Pending(long id, long deploymentId, Instant from, Instant to) {}
            List<Pending> pending = jdbc.query(
                    "select id, deployment_id, ts_min, ts_max from monitor.ingest "
                            + "where aggregated_at is null and received_at < ? order by id limit ? for update skip locked",
                    (rs, i) -> new Pending(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant()),
                    Timestamp.from(before),
                    limit);
            Map<Key, Delta> deltas = new HashMap<>();
            List<Long> ids = new ArrayList<>();
            for (Pending p : pending) {
                List<PredictionEvent> events = jdbc.query(
                        "select ts, latency_ms, error from monitor.event "
                                + "where deployment_id = ? and ts between ? and ? and ingest_id = ?",
                        (rs, i) -> new PredictionEvent(
                                null,
                                rs.getTimestamp(1).toInstant(),
                                rs.getObject(2) == null ? null : rs.getDouble(2),
                                rs.getBoolean(3),
                                null,
                                null,
                                null,
                                null,
                                null),
                        p.deploymentId(),
                        Timestamp.from(p.from()),
                        Timestamp.from(p.to()),
                        p.id());
                WindowAggregator.fold(deltas, p.deploymentId(), events);
                ids.add(p.id());
            }
            store.add(settings.instanceId(), deltas, clock.instant());
            store.markAggregated(ids, clock.instant());
            return ids.size();
        });
        return done == null ? 0 : done;
    }
}
