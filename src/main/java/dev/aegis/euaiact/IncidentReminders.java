package dev.aegis.euaiact;

import dev.aegis.notification.Notifications;
import dev.aegis.shared.Actors;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour (at five past): officers and administrators are told of open serious incidents whose report deadline
 * reached a milestone — five days before, one day before, overdue — once per milestone; when an incident is raised
 * they are told at once.
 */
@Component
class IncidentReminders {

    private static final Logger log = LoggerFactory.getLogger(IncidentReminders.class);
    private final IncidentService incidents;

    IncidentReminders(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Scheduled(cron = "${aegis.euaiact.incident-reminder-cron:0 5 * * * *}", zone = "UTC")
    @SchedulerLock(name = "euaiact-incident-reminders")
    public void run() {
        Actors.runAsSystem(Set.of(IncidentService.SYSTEM_REMIND, Notifications.SYSTEM_SEND), () -> {
            int sent = incidents.remindDue();
            if (sent > 0) {
                log.info("Reminded {} officer(s) of incident reports due", sent);
            }
        });
    }
}
