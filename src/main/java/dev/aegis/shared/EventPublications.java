package dev.aegis.shared;

import dev.aegis.shared.db.ModuleMigrations;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event publication registry's upkeep. A module's reaction to another module's event
 * ({@code @ApplicationModuleListener}) is recorded in {@code events.event_publication} in the publishing transaction
 * and completed when the listener's own transaction commits. What a crash, a failure or a stop left incomplete is
 * delivered again: once the application is ready (what Spring Modulith's
 * {@code spring.modulith.events.republish-outstanding-events-on-restart} would do, here only where the registry's
 * schema {@code events} is migrated — not in the monitor alone or a module test) and every minute for publications
 * older than {@code aegis.events.resubmit-after}, by one instance at a time. Listeners are
 * idempotent, so a second delivery changes nothing that the first one did. Completed publications are deleted after
 * {@code aegis.events.completed-retention}.
 */
@Component
@ConditionalOnProperty(name = "aegis.mode", havingValue = "full", matchIfMissing = true)
public class EventPublications {

    private static final Logger log = LoggerFactory.getLogger(EventPublications.class);
    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration resubmitAfter;
    private final Duration retention;
    private final boolean migrated;
    private final StartupWork startup;

    EventPublications(
            IncompleteEventPublications incomplete,
            CompletedEventPublications completed,
            ModuleMigrations migrations,
            @Value("${aegis.events.resubmit-after:5m}") Duration resubmitAfter,
            @Value("${aegis.events.completed-retention:7d}") Duration retention,
            StartupWork startup) {
        this.startup = startup;
        this.migrated = migrations.schemas().contains("events");
        this.incomplete = incomplete;
        this.completed = completed;
        this.resubmitAfter = resubmitAfter;
        this.retention = retention;
    }

    /** At start-up: delivers again every publication a stop or a crash left incomplete. */
    @EventListener(ApplicationReadyEvent.class)
    public void resubmitAfterRestart() {
        if (migrated) {
            startup.run("resubmitting incomplete event publications", () -> {
                log.info("Resubmitting incomplete event publications left by the last run, if any");
                incomplete.resubmitIncompletePublications(publication -> true);
            });
        }
    }

    /** Delivers again what is still incomplete after {@code aegis.events.resubmit-after}. */
    @Scheduled(
            fixedDelayString = "${aegis.events.resubmit-interval-ms:60000}",
            initialDelayString = "${aegis.events.resubmit-interval-ms:60000}")
    @SchedulerLock(name = "event-resubmission", lockAtMostFor = "PT5M")
    public void resubmitIncomplete() {
        if (!migrated) {
            return;
        }
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
        } catch (RuntimeException e) {
            log.warn("Could not resubmit incomplete event publications: {}", e.toString());
        }
    }

    @Scheduled(cron = "${aegis.events.purge-cron:0 40 3 * * *}")
    @SchedulerLock(name = "event-purge", lockAtMostFor = "PT10M")
    public void purgeCompleted() {
        if (migrated) {
            completed.deletePublicationsOlderThan(retention);
        }
    }

    /**
     * Where module listeners run. By default on the application's task executor, after the publisher's commit.
     * {@code aegis.events.inline-listeners=true} runs them on the publishing thread right after its commit instead
     * (still in a transaction of their own, still recorded in the registry): the application tests use it so a test
     * sees the finding its result opened without waiting.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "aegis.events.inline-listeners", havingValue = "true")
    static class InlineListeners implements AsyncConfigurer {

        // not a bean: the application's own task executor stays what it is for everything else
        private final SyncTaskExecutor inline = new SyncTaskExecutor();

        @Override
        public SyncTaskExecutor getAsyncExecutor() {
            return inline;
        }
    }
}
