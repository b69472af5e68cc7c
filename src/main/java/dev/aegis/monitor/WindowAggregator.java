package dev.aegis.monitor;

import dev.aegis.monitor.AggregateStore.Delta;
import dev.aegis.monitor.AggregateStore.Key;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds accepted events into this instance's window deltas in memory and writes them to the database about once a
 * second (after the 202: aggregation is asynchronous). Memory stays bounded: deltas cover only the windows touched
 * since the last flush, and too many of them force a flush at once. Should a flush fail or the instance die first,
 * the batches stay marked unaggregated and {@link AggregateRecovery} folds them in again from the raw events.
 */
@Component
@WhenMonitorEnabled
class WindowAggregator {

    /** Beyond this many open deltas (≈ 13 KB each) the recording thread flushes itself. */
    static final int MAX_DELTAS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(WindowAggregator.class);

    private final AggregateStore store;
    private final TransactionTemplate tx;
    private final MonitorSettings settings;
    private final Clock clock;
    private Map<Key, Delta> deltas = new HashMap<>();
    private List<Long> ingests = new ArrayList<>();

    WindowAggregator(AggregateStore store, TransactionTemplate tx, MonitorSettings settings, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    void record(long deploymentId, long ingestId, List<PredictionEvent> events) {
        boolean full;
        synchronized (this) {
            fold(deltas, deploymentId, events);
            ingests.add(ingestId);
            full = deltas.size() > MAX_DELTAS;
        }
        if (full) {
            flush();
        }
    }

    static void fold(Map<Key, Delta> into, long deploymentId, List<PredictionEvent> events) {
        Resolution[] resolutions = Resolution.values();
        // consecutive events mostly share their windows: remember the last ones instead of hashing each time
        Key[] last = new Key[resolutions.length];
        Delta[] lastDelta = new Delta[resolutions.length];
        for (PredictionEvent e : events) {
            for (int r = 0; r < resolutions.length; r++) {
                var start = resolutions[r].floor(e.timestamp());
                if (last[r] == null || !last[r].windowStart().equals(start)) {
                    last[r] = new Key(deploymentId, resolutions[r], start);
                    lastDelta[r] = into.computeIfAbsent(last[r], k -> new Delta());
                }
                lastDelta[r].add(e);
            }
        }
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void flush() {
        Map<Key, Delta> toWrite;
        List<Long> done;
        synchronized (this) {
            if (ingests.isEmpty()) {
                return;
            }
            toWrite = deltas;
            done = ingests;
            deltas = new HashMap<>();
            ingests = new ArrayList<>();
        }
        try {
            tx.executeWithoutResult(s -> {
                store.add(settings.instanceId(), toWrite, clock.instant());
                store.markAggregated(done, clock.instant());
            });
        } catch (RuntimeException e) {
            // the batches stay unaggregated in the database; the recovery folds them in from the raw events
            log.warn(
                    "Could not write {} window aggregate(s) of {} batch(es); the recovery will redo them: {}",
                    toWrite.size(),
                    done.size(),
                    e.getMessage());
        }
    }

    /** A graceful stop writes what is pending instead of leaving it to the recovery. */
    @jakarta.annotation.PreDestroy
    void flushOnShutdown() {
        flush();
    }

    /** How many ingest batches wait for the next flush (a gauge of the monitor's own metrics). */
    synchronized int pending() {
        return ingests.size();
    }
}
