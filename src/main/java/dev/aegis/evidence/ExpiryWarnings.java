package dev.aegis.evidence;

import dev.aegis.evidence.EvidenceEvents.EvidenceExpiryWarned;
import dev.aegis.notification.Notifications;
import dev.aegis.notification.Notifications.Message;
import dev.aegis.shared.Actors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each morning, warns the owners of evidence that expires within the warning window (AEGIS_EVIDENCE_EXPIRY_WARNING_DAYS,
 * 30 days by default) or has expired. Each version of an item is warned about once per threshold (EXPIRING, then
 * EXPIRED), remembered in {@code evidence.expiry_warning}, so the job may run any number of times, on any number of
 * instances, and a new version with a new expiry is warned about afresh.
 */
@Component
class ExpiryWarnings {

    static final String LOCK = "evidence.expiry-warnings";
    private static final Logger log = LoggerFactory.getLogger(ExpiryWarnings.class);

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int warningDays;

    ExpiryWarnings(
            JdbcTemplate jdbc,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${aegis.evidence.expiry-warning-days:30}") int warningDays) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.warningDays = warningDays;
    }

    @Scheduled(cron = "${aegis.evidence.expiry-warning-cron:0 15 6 * * *}", zone = "UTC")
    @SchedulerLock(name = LOCK)
    public void daily() {
        Actors.runAsSystem(Set.of(Notifications.SYSTEM_SEND), () -> {
            int warned = warnOwners();
            if (warned > 0) {
                log.info("Warned the owners of {} expiring or expired evidence item(s)", warned);
            }
        });
    }

    private record Due(long id, int version, String title, String owner, LocalDate expiresOn) {}

    /** Warns about every item not yet warned about at its threshold; answers how many warnings went out. */
    @Transactional
    public int warnOwners() {
        LocalDate today = LocalDate.now(clock);
        List<Due> due = jdbc.query(
                """
                select id, current_version, title, owner, expires_on from evidence.evidence_item
                where expires_on <= ? order by expires_on, id
                """,
                (rs, i) -> new Due(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)),
                today.plusDays(warningDays));
        int warned = 0;
        for (Due d : due) {
            boolean expired = !d.expiresOn().isAfter(today);
            String threshold = expired ? "EXPIRED" : "EXPIRING";
            int inserted = jdbc.update(
                    """
                    insert into evidence.expiry_warning (item_id, version, threshold, warned_at) values (?, ?, ?, ?)
                    on conflict do nothing
                    """, d.id(), d.version(), threshold, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (inserted == 0) {
                continue;
            }
            String subject = expired
                    ? "Evidence expired on " + d.expiresOn() + ": " + d.title()
                    : "Evidence expires on " + d.expiresOn() + ": " + d.title();
            String body = expired
                    ? "The evidence \"" + d.title() + "\" (version " + d.version() + ") no longer counts since "
                            + d.expiresOn() + ". Upload a current version or record why it is no longer needed."
                    : "The evidence \"" + d.title() + "\" (version " + d.version() + ") expires on " + d.expiresOn()
                            + ". Collect a current version before then.";
            notifications.send(Set.of(d.owner()), new Message("evidence", subject, body, "evidence/" + d.id()));
            events.publishEvent(new EvidenceExpiryWarned(d.id(), d.version(), threshold, d.owner()));
            warned++;
        }
        return warned;
    }
}
