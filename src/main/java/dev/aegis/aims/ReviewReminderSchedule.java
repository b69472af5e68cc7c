package dev.aegis.aims;

import dev.aegis.notification.Notifications;
import dev.aegis.shared.Actors;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a day the system actor reminds owners of policies and impact assessments due for review ({@link ReviewReminder}). */
@Component
class ReviewReminderSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminderSchedule.class);
    private final ReviewReminder reminder;

    ReviewReminderSchedule(ReviewReminder reminder) {
        this.reminder = reminder;
    }

    /** With several instances, one of them does it. */
    @Scheduled(cron = "${aegis.aims.review-reminder-cron:0 40 0 * * *}", zone = "UTC")
    @SchedulerLock(name = "aims-review-reminders")
    public void run() {
        Actors.runAsSystem(
                Set.of(
                        ReviewReminder.SYSTEM_REMIND,
                        dev.aegis.inventory.AiSystemService.SYSTEM_READ,
                        Notifications.SYSTEM_SEND),
                () -> {
                    int sent = reminder.remindReviewsDue();
                    if (sent > 0) {
                        log.info("Reminded {} owner(s) of reviews due", sent);
                    }
                });
    }
}
