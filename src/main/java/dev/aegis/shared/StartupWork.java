package dev.aegis.shared;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Start-up work that need not hold back readiness: upkeep that makes stored state whole again (copies of another
 * module's records, tokens sealed under the current key, the start-up audit checkpoint, event publications a stop left
 * incomplete, packs a stop interrupted). In production it runs on one background thread, in the order it was handed
 * over, while Aegis already answers — a restart is healthy without waiting for it (docs/benchmarks.md). It runs at once,
 * before readiness, when {@code aegis.startup.background=false} (the tests: each test sees the state the work leaves)
 * and with the demo content ({@code aegis.demo=true}), whose runners build on it (the embedded telemetry source, the
 * bundled questionnaire templates).
 */
@Component
public class StartupWork {

    private static final Logger log = LoggerFactory.getLogger(StartupWork.class);
    private final boolean background;
    private final ExecutorService executor;

    StartupWork(
            @Value("${aegis.startup.background:true}") boolean background, @Value("${aegis.demo:false}") boolean demo) {
        this.background = background && !demo;
        this.executor = this.background
                ? Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("aegis-after-start").daemon().factory())
                : null;
    }

    /** Runs the work now, or hands it to the background thread (in order) when start-up may go on without it. */
    public void run(String what, Runnable work) {
        if (!background) {
            work.run();
            return;
        }
        executor.execute(() -> {
            long t0 = System.nanoTime();
            try {
                work.run();
                log.debug(
                        "After start: {} done in {} ms",
                        what,
                        Duration.ofNanos(System.nanoTime() - t0).toMillis());
            } catch (RuntimeException e) {
                // the same work runs again at the next start (and most of it on a schedule): Aegis goes on
                log.warn("After start: {} failed: {}", what, e.toString());
            }
        });
    }

    /** Whether start-up work runs in the background (production without the demo content). */
    public boolean background() {
        return background;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
