package dev.aegis.aims;

import dev.aegis.notification.Notifications;
import dev.aegis.shared.Actors;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each day the system actor reminds the holders of trainings and attestations that expire within 30 days, and the
 * AIMS managers, through the notifications module (in Aegis and by mail), once per record.
 */
@Component
class CompetenceReminders {

    static final String LOCK = "remind-aims-competence";
    private static final Logger log = LoggerFactory.getLogger(CompetenceReminders.class);
    private final CompetenceService competence;

    CompetenceReminders(CompetenceService competence) {
        this.competence = competence;
    }

    /** With several instances, one of them does it. */
    @Scheduled(cron = "${aegis.aims.competence-reminder-cron:0 35 0 * * *}", zone = "UTC")
    @SchedulerLock(name = LOCK)
    public void remind() {
        Actors.runAsSystem(Set.of(CompetenceService.SYSTEM_REMIND, Notifications.SYSTEM_SEND), () -> {
            int n = competence.remindExpiring();
            if (n > 0) {
                log.info("Reminded of {} expiring AIMS competence record(s)", n);
            }
        });
    }
}
