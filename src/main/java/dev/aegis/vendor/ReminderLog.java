package dev.aegis.vendor;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the calendar already sent. {@link #firstTime} records an occasion and answers whether it was new, in one
 * statement, so two runs (or two instances) never both send the same reminder.
 */
@Component
class ReminderLog {

    enum Topic {
        DUE_SOON,
        OVERDUE,
        REASSESSMENT,
        CERTIFICATE
    }

    private final JdbcTemplate jdbc;

    ReminderLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the occasion; true when this is the first time, false when it was sent before. */
    boolean firstTime(Topic topic, long vendorId, Long assessmentId, String occasion, Instant now) {
        return jdbc.update("""
                insert into vendor.vendor_reminder (topic, vendor_id, assessment_id, occasion, sent_at)
                values (?, ?, ?, ?, ?) on conflict on constraint vendor_reminder_once do nothing""", topic.name(), vendorId, assessmentId, occasion, Timestamp.from(now)) == 1;
    }
}
