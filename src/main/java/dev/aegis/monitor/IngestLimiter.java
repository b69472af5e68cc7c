package dev.aegis.monitor;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Bounds how many ingestion requests write at once ({@code aegis.monitor.ingest-concurrency}); a request that finds
 * no free slot within a short wait is refused with 429 and Retry-After instead of queueing without limit.
 */
@Component
@WhenMonitorEnabled
class IngestLimiter {

    static final long WAIT_MS = 100;
    static final int RETRY_AFTER_SECONDS = 1;
    private final Semaphore slots;

    IngestLimiter(MonitorSettings settings) {
        this.slots = new Semaphore(Math.max(1, settings.ingestConcurrency()), true);
    }

    void acquire() {
        try {
            if (!slots.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw new IngestProblems.Busy(RETRY_AFTER_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestProblems.Busy(RETRY_AFTER_SECONDS);
        }
    }

    void release() {
        slots.release();
    }

    /** Takes every free slot (tests: to see the 429); returns how many were taken, to give back with {@link #give}. */
    int drain() {
        return slots.drainPermits();
    }

    void give(int permits) {
        slots.release(permits);
    }
}
