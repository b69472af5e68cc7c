package dev.aegis.aims;

import dev.aegis.notification.Notifications;
import dev.aegis.shared.Actors;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day: owners of corrective actions due within a week, or overdue, are told through the notifications. */
@Component
class ActionReminders {

    private static final Logger log = LoggerFactory.getLogger(ActionReminders.class);
    private final NonconformityService nonconformities;

    ActionReminders(NonconformityService nonconformities) {
        this.nonconformities = nonconformities;
    }

    @Scheduled(cron = "${aegis.aims.reminder-cron:0 30 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "aims-action-reminders")
    public void run() {
        // the system actor: the audit log names it "system"; it reminds people, nothing more
        Actors.runAsSystem(Set.of(NonconformityService.SYSTEM_REMIND, Notifications.SYSTEM_SEND), () -> {
            int sent = nonconformities.remindActionsDue();
            if (sent > 0) {
                log.info("Reminded {} owner(s) of corrective actions due", sent);
            }
        });
    }
}
