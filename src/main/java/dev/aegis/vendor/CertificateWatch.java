package dev.aegis.vendor;

import dev.aegis.notification.Notifications;
import dev.aegis.notification.Notifications.Message;
import dev.aegis.security.Role;
import dev.aegis.vendor.AssessmentCalendarEvents.CertificateExpiryWarned;
import dev.aegis.vendor.ReminderLog.Topic;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches the vendors' certificates (ISO/IEC 27001, ISO/IEC 42001, SOC 2): vendor managers are warned once per
 * certificate when it expires within {@value #FIRST} days, again within {@value #SECOND} days, and once it has expired.
 * A renewed certificate (a new expiry date) is watched afresh.
 */
@Service
@Transactional
public class CertificateWatch {

    static final int FIRST = 60;
    static final int SECOND = 30;
    private final CertifiedVendors vendors;
    private final ReminderLog log;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CertificateWatch(
            CertifiedVendors vendors,
            ReminderLog log,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock) {
        this.vendors = vendors;
        this.log = log;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** Warns the vendor managers of certificates that reached a threshold; answers how many warnings went out. */
    @PreAuthorize(VendorService.CALENDAR_KEEPERS)
    public int warnExpiring() {
        LocalDate today = LocalDate.now(clock);
        int warned = 0;
        for (Vendor vendor : vendors.withCertificatesExpiringBy(today.plusDays(FIRST))) {
            for (Certification c : vendor.certificationsExpiringBy(today.plusDays(FIRST))) {
                int within = threshold(today, c.expiresOn());
                String occasion = c.kind() + " expiring " + c.expiresOn()
                        + (within == 0 ? ", expired" : ", within " + within + " days");
                if (!log.firstTime(Topic.CERTIFICATE, vendor.getId(), null, occasion, clock.instant())) {
                    continue;
                }
                String what = c.kind().label() + " certificate of " + vendor.getName();
                notifications.sendToRole(
                        Role.VENDOR_MANAGER,
                        new Message(
                                "certificate-expiry",
                                within == 0 ? what + " has expired" : what + " expires on " + c.expiresOn(),
                                within == 0
                                        ? "The " + what + " expired on " + c.expiresOn() + ". Ask the vendor for the "
                                                + "renewed certificate and record its new expiry date."
                                        : "The " + what + " expires on " + c.expiresOn() + " (in "
                                                + ChronoUnit.DAYS.between(today, c.expiresOn())
                                                + " days). Ask the vendor "
                                                + "for the renewal in time.",
                                "vendors"));
                events.publishEvent(new CertificateExpiryWarned(vendor.getId(), c.kind(), c.expiresOn(), within));
                warned++;
            }
        }
        return warned;
    }

    /** 0 when expired, else the nearest threshold (30 or 60) the expiry date falls within. */
    static int threshold(LocalDate today, LocalDate expiresOn) {
        long left = ChronoUnit.DAYS.between(today, expiresOn);
        return left < 0 ? 0 : left <= SECOND ? SECOND : FIRST;
    }

    /**
     * The badge the vendor list shows: the certificate nearest to (or past) expiry within {@value #FIRST} days, e.g.
     * "SOC 2 expires in 12 days" or "ISO/IEC 27001 expired"; empty when none is near.
     */
    @Transactional(readOnly = true)
    public Optional<String> badge(Vendor vendor) {
        LocalDate today = LocalDate.now(clock);
        List<Certification> near = vendor.certificationsExpiringBy(today.plusDays(FIRST));
        if (near.isEmpty()) {
            return Optional.empty();
        }
        Certification first = near.getFirst();
        long left = ChronoUnit.DAYS.between(today, first.expiresOn());
        String more = near.size() > 1 ? " (+" + (near.size() - 1) + ")" : "";
        return Optional.of(first.kind().label()
                + (left < 0
                        ? " expired"
                        : left == 0 ? " expires today" : " expires in " + left + (left == 1 ? " day" : " days"))
                + more);
    }
}
