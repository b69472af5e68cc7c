package dev.aegis.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.IntCountsHistogram;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The traffic window aggregates in {@code monitor.window_aggregate}: one row per deployment, resolution, window and
 * instance. Writing adds a delta to this instance's row; reading adds up the rows of all instances.
 */
@Component
@WhenMonitorEnabled
class AggregateStore {

    /** Counts and latencies of one window, as recorded by one instance since its last flush (or all together). */
    static final class Delta {
        long count;
        long errors;
        final IntCountsHistogram latency;

        Delta() {
            this(0, 0, LatencyHistograms.empty());
        }

        Delta(long count, long errors, IntCountsHistogram latency) {
            this.count = count;
            this.errors = errors;
            this.latency = latency;
        }

        void add(PredictionEvent e) {
            count++;
            if (e.error()) {
                errors++;
            }
            if (e.latencyMs() != null) {
                LatencyHistograms.record(latency, e.latencyMs());
            }
        }

        void add(Delta other) {
            count += other.count;
            errors += other.errors;
            latency.add(other.latency);
        }
    }

    record Key(long deploymentId, Resolution resolution, Instant windowStart) {}

    /** One window of traffic, all instances added up. */
    record Window(Instant start, Instant end, long count, long errors, IntCountsHistogram latency, int instances) {}

    private final JdbcTemplate jdbc;

    AggregateStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the deltas to this instance's rows; runs in the caller's transaction. The advisory lock keeps two writers of
     * the same instance (the flush and the recovery) from reading the same row before either has written it.
     */
    void add(String instanceId, Map<Key, Delta> deltas, Instant now) {
        jdbc.queryForObject(
                "select pg_advisory_xact_lock(hashtext('monitor.window_aggregate'), hashtext(?))",
                Object.class,
                instanceId);
        for (var entry : deltas.entrySet()) {
            Key k = entry.getKey();
            Delta delta = entry.getValue();
            List<Delta> existing = jdbc.query(
                    "select event_count, error_count, latency_histogram "
                            + "from monitor.window_aggregate where deployment_id = ? and resolution = ? and window_start = ? "
                            + "and instance_id = ?",
                    (rs, i) -> {
                        byte[] bytes = rs.getBytes(3);
                        return new Delta(
                                rs.getLong(1),
                                rs.getLong(2),
                                bytes == null ? LatencyHistograms.empty() : LatencyHistograms.decode(bytes));
                    },
                    k.deploymentId(),
                    k.resolution().code(),
                    Timestamp.from(k.windowStart()),
                    instanceId);
            Delta merged = new Delta();
            merged.add(delta);
            existing.forEach(merged::add);
            jdbc.update(
                    "insert into monitor.window_aggregate (deployment_id, resolution, window_start, instance_id, "
                            + "event_count, error_count, latency_histogram, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                            + "on conflict (deployment_id, resolution, window_start, instance_id) do update set "
                            + "event_count = excluded.event_count, error_count = excluded.error_count, "
                            + "latency_histogram = excluded.latency_histogram, updated_at = excluded.updated_at",
                    k.deploymentId(),
                    k.resolution().code(),
                    Timestamp.from(k.windowStart()),
                    instanceId,
                    merged.count,
                    merged.errors,
                    LatencyHistograms.encode(merged.latency),
                    Timestamp.from(now));
        }
    }

    void markAggregated(Collection<Long> ingestIds, Instant now) {
        if (ingestIds.isEmpty()) {
            return;
        }
        String ids =
                ingestIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
        jdbc.update(
                "update monitor.ingest set aggregated_at = ? where id = any(?::bigint[]) and aggregated_at is null",
                Timestamp.from(now),
                ids);
    }

    /** The windows with traffic in [from, to), oldest first, each the sum over all instances. */
    List<Window> windows(long deploymentId, Resolution resolution, Instant from, Instant to) {
        Map<Instant, Window> byStart = new TreeMap<>();
        jdbc.query(
                "select window_start, event_count, error_count, latency_histogram from monitor.window_aggregate "
                        + "where deployment_id = ? and resolution = ? and window_start >= ? and window_start < ?",
                rs -> {
                    Instant start = rs.getTimestamp(1).toInstant();
                    byte[] bytes = rs.getBytes(4);
                    IntCountsHistogram h = bytes == null ? LatencyHistograms.empty() : LatencyHistograms.decode(bytes);
                    Window w = byStart.get(start);
                    if (w == null) {
                        byStart.put(
                                start,
                                new Window(start, start.plus(resolution.length()), rs.getLong(2), rs.getLong(3), h, 1));
                    } else {
                        w.latency().add(h);
                        byStart.put(
                                start,
                                new Window(
                                        start,
                                        w.end(),
                                        w.count() + rs.getLong(2),
                                        w.errors() + rs.getLong(3),
                                        w.latency(),
                                        w.instances() + 1));
                    }
                },
                deploymentId,
                resolution.code(),
                Timestamp.from(from),
                Timestamp.from(to));
        return new ArrayList<>(byStart.values());
    }
}
