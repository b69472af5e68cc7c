package dev.aegis.vendor;

import dev.aegis.notification.Notifications;
import dev.aegis.shared.Actors;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each night (AEGIS_VENDOR_CALENDAR_CRON) the assessment calendar and the certificate watch run: reminders, overdue
 * notices, reassessments, certificate warnings. Every one of them is sent once, so a second run, or a second instance,
 * changes nothing; with several instances one does the work (ShedLock).
 */
@Component
class AssessmentReminders {

    static final String LOCK = "vendor-assessment-calendar";
    private static final Logger log = LoggerFactory.getLogger(AssessmentReminders.class);
    private final AssessmentCalendar calendar;
    private final CertificateWatch certificates;

    AssessmentReminders(AssessmentCalendar calendar, CertificateWatch certificates) {
        this.calendar = calendar;
        this.certificates = certificates;
    }

    @Scheduled(cron = "${aegis.vendor.calendar-cron:0 20 0 * * *}", zone = "UTC")
    @SchedulerLock(name = LOCK)
    public void run() {
        // the system actor: the audit log names it "system"; it keeps the calendar and tells people, nothing more
        Actors.runAsSystem(Set.of(VendorService.SYSTEM_CALENDAR, Notifications.SYSTEM_SEND), this::remindAndWarn);
    }

    private void remindAndWarn() {
        int overdue = calendar.flagOverdue();
        int reminded = calendar.remindDueSoon();
        int reassessments = calendar.startReassessments();
        int warnings = certificates.warnExpiring();
        if (overdue + reminded + reassessments + warnings > 0) {
            log.info(
                    "Vendor calendar: {} reminder(s), {} overdue, {} reassessment(s) started, {} certificate "
                            + "warning(s)",
                    reminded,
                    overdue,
                    reassessments,
                    warnings);
        }
    }
}
