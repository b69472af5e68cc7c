package dev.aegis.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where start-up time goes, for whoever measures it: with {@code AEGIS_STARTUP_STEPS=true} Spring records every
 * start-up step (bean creation, post-processors, the context's refresh) and, once Aegis is ready, the slowest are
 * logged as "Startup step …" lines. Off by default: recording costs a little time itself. See docs/benchmarks.md.
 */
@Component
public class StartupSteps {

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);
    private static final int SHOWN = 25;

    /** Makes {@code application} record its start-up steps when {@code AEGIS_STARTUP_STEPS} (or the property) is true. */
    public static SpringApplication recordedWhenAsked(SpringApplication application) {
        if (Boolean.parseBoolean(System.getenv("AEGIS_STARTUP_STEPS")) || Boolean.getBoolean("aegis.startup.steps")) {
            application.setApplicationStartup(new BufferingApplicationStartup(50_000));
        }
        return application;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext().getApplicationStartup() instanceof BufferingApplicationStartup steps)) {
            return;
        }
        StartupTimeline timeline = steps.drainBufferedTimeline();
        List<StartupTimeline.TimelineEvent> events = new ArrayList<>(timeline.getEvents());
        events.sort(
                Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed());
        log.info(
                "Startup steps: {} recorded, ready {} after the JVM's start; the {} slowest (nested steps count "
                        + "within their parents):",
                events.size(),
                Duration.ofMillis(
                        ready.getTimeTaken() == null ? -1 : ready.getTimeTaken().toMillis()),
                SHOWN);
        for (var e : events.subList(0, Math.min(SHOWN, events.size()))) {
            String tags = StreamSupport.stream(e.getStartupStep().getTags().spliterator(), false)
                    .map(t -> t.getKey() + "=" + t.getValue())
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            log.info(
                    "Startup step {} ms  {} {}",
                    e.getDuration().toMillis(),
                    e.getStartupStep().getName(),
                    tags);
        }
    }
}
