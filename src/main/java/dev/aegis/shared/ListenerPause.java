package dev.aegis.shared;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * For the crash test only: {@code aegis.events.test-listener-pause} (a duration, zero unless set) holds the telemetry
 * loop's module listeners for that long at their start, inside their transaction, so a test can kill the process
 * after the announcing transaction committed and before the listeners finished. Never set in production.
 */
@Component
public class ListenerPause {

    private static final Logger log = LoggerFactory.getLogger(ListenerPause.class);
    private final Duration pause;

    ListenerPause(@Value("${aegis.events.test-listener-pause:0s}") Duration pause) {
        this.pause = pause;
    }

    public void hold(String what) {
        if (pause.isZero() || pause.isNegative()) {
            return;
        }
        log.warn("Holding the listener for {} for {} (aegis.events.test-listener-pause)", what, pause);
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
