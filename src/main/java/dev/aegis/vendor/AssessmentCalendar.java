package dev.aegis.vendor;

import dev.aegis.notification.Notifications;
import dev.aegis.notification.Notifications.Message;
import dev.aegis.security.Role;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import dev.aegis.vendor.Assessment.State;
import dev.aegis.vendor.AssessmentCalendarEvents.AssessmentFellOverdue;
import dev.aegis.vendor.AssessmentCalendarEvents.AssessmentReminderSent;
import dev.aegis.vendor.AssessmentCalendarEvents.ReassessmentIntervalChosen;
import dev.aegis.vendor.AssessmentCalendarEvents.ReassessmentStarted;
import dev.aegis.vendor.ReminderLog.Topic;
import dev.aegis.vendor.VendorEvents.AssessmentStarted;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment calendar: reminds the vendor's contacts before a due date, marks assessments overdue (telling the
 * vendor manager who started one and the vendor's contacts), and starts the next assessment of a vendor on a
 * reassessment schedule. Each reminder, notice and reassessment happens once, however often the job runs
 * ({@link ReminderLog}); "today" comes from the injected clock.
 */
@Service
@Transactional
public class AssessmentCalendar {

    /** The states in which an assessment waits for its due date to count: not yet submitted or decided. */
    static final Set<State> AWAITING = EnumSet.of(State.DRAFT, State.INVITED, State.IN_PROGRESS, State.RETURNED);
    /** The states in which the vendor can answer (has a link), so reminding its contacts makes sense. */
    static final Set<State> OPEN = EnumSet.of(State.INVITED, State.IN_PROGRESS, State.RETURNED);

    private final Assessments assessments;
    private final AssessmentAgenda agenda;
    private final Vendors vendors;
    private final QuestionnaireTemplates templates;
    private final ReminderLog log;
    private final ContactMailer mailer;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<Integer> reminderDays;
    private final int reassessmentLeadDays;

    AssessmentCalendar(
            Assessments assessments,
            AssessmentAgenda agenda,
            Vendors vendors,
            QuestionnaireTemplates templates,
            ReminderLog log,
            ContactMailer mailer,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${aegis.vendor.reminder-days:7,1}") String reminderDays,
            @Value("${aegis.vendor.reassessment-lead-days:30}") int reassessmentLeadDays) {
        this.assessments = assessments;
        this.agenda = agenda;
        this.vendors = vendors;
        this.templates = templates;
        this.log = log;
        this.mailer = mailer;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
        this.reminderDays = days(reminderDays);
        this.reassessmentLeadDays = reassessmentLeadDays;
    }

    /** "7,1" → [1, 7]: the days before a due date the contacts are reminded, smallest first. */
    static List<Integer> days(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .filter(d -> d >= 0)
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * Reminds the contacts of every assessment open for the vendor whose due date is within a reminder threshold:
     * once per threshold (the nearest that applies, so a late invitation does not bring two reminders in one run).
     * Answers how many reminders went out.
     */
    @PreAuthorize(VendorService.CALENDAR_KEEPERS)
    public int remindDueSoon() {
        if (reminderDays.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        for (Assessment a : agenda.dueBetween(OPEN, today, today.plusDays(reminderDays.getLast()))) {
            long daysLeft = ChronoUnit.DAYS.between(today, a.getDueOn());
            int threshold =
                    reminderDays.stream().filter(d -> daysLeft <= d).findFirst().orElseThrow();
            String occasion = "assessment " + a.getId() + " due " + a.getDueOn() + ", " + threshold + " days before";
            if (!log.firstTime(Topic.DUE_SOON, a.getVendorId(), a.getId(), occasion, clock.instant())) {
                continue;
            }
            Vendor vendor = vendor(a.getVendorId());
            List<String> to = mailer.dueSoon(vendor, title(a), a.getDueOn(), daysLeft);
            events.publishEvent(
                    new AssessmentReminderSent(a.getId(), a.getVendorId(), a.getDueOn(), daysLeft, to.size()));
            sent++;
        }
        return sent;
    }

    /**
     * Marks assessments still awaiting the vendor after their due date overdue, once: the vendor manager who started
     * one is told (the vendor managers, when the calendar started it), the vendor's contacts reminded when the vendor
     * can still answer. Answers how many fell overdue.
     */
    @PreAuthorize(VendorService.CALENDAR_KEEPERS)
    public int flagOverdue() {
        LocalDate today = LocalDate.now(clock);
        int flagged = 0;
        for (Assessment a : agenda.pastDueNotFlagged(AWAITING, today)) {
            if (!a.markOverdue(today)) {
                continue;
            }
            assessments.saveAndFlush(a);
            if (!log.firstTime(
                    Topic.OVERDUE,
                    a.getVendorId(),
                    a.getId(),
                    "assessment " + a.getId() + " due " + a.getDueOn(),
                    clock.instant())) {
                continue;
            }
            Vendor vendor = vendor(a.getVendorId());
            String title = title(a);
            List<String> to = OPEN.contains(a.getState()) ? mailer.overdue(vendor, title, a.getDueOn()) : List.of();
            Message message = new Message(
                    "assessment-overdue",
                    "Assessment of " + vendor.getName() + " is overdue",
                    "The assessment \"" + title + "\" of " + vendor.getName() + " was due on " + a.getDueOn()
                            + " and is still " + a.getState().label() + "."
                            + (to.isEmpty()
                                    ? ""
                                    : " The vendor's contacts were reminded (" + String.join(", ", to) + ")."),
                    "assessments/" + a.getId());
            if (notifications.send(List.of(a.getStartedBy()), message) == 0) {
                notifications.sendToRole(Role.VENDOR_MANAGER, message);
            }
            events.publishEvent(new AssessmentFellOverdue(a.getId(), a.getVendorId(), a.getDueOn(), to.size()));
            flagged++;
        }
        return flagged;
    }

    /**
     * Starts the next assessment of each vendor on a reassessment schedule, {@code reassessment-lead-days} before it
     * is due (the latest approval plus the vendor's interval), from the latest version of the template the approved
     * assessment used, as a draft; the vendor managers are told. A cycle is started once: not when the vendor already
     * has an assessment started after that approval. Answers how many were started.
     */
    @PreAuthorize(VendorService.CALENDAR_KEEPERS)
    public int startReassessments() {
        LocalDate today = LocalDate.now(clock);
        int started = 0;
        for (Assessment approved : agenda.latestApprovals(State.APPROVED)) {
            Vendor vendor = vendors.findById(approved.getVendorId()).orElse(null);
            if (vendor == null || approved.getDecidedAt() == null) {
                continue;
            }
            LocalDate due = vendor.reassessmentInterval()
                    .nextDue(approved.getDecidedAt().atZone(ZoneOffset.UTC).toLocalDate());
            if (due == null
                    || today.isBefore(due.minusDays(reassessmentLeadDays))
                    || agenda.startedAfter(vendor.getId(), approved.getDecidedAt())) {
                continue;
            }
            if (!log.firstTime(
                    Topic.REASSESSMENT,
                    vendor.getId(),
                    approved.getId(),
                    "after assessment " + approved.getId(),
                    clock.instant())) {
                continue;
            }
            QuestionnaireTemplate used =
                    templates.findById(approved.getTemplateId()).orElseThrow();
            QuestionnaireTemplate latest =
                    templates.findFirstByKeyOrderByVersionDesc(used.getKey()).orElse(used);
            LocalDate dueOn = due.isBefore(today) ? today.plusDays(reassessmentLeadDays) : due;
            Assessment next = new Assessment(vendor.getId(), latest.getId(), dueOn, Actors.current(), clock.instant());
            next.continues(approved.getId());
            assessments.saveAndFlush(next);
            events.publishEvent(new AssessmentStarted(next.getId(), vendor.getId(), latest.getId()));
            events.publishEvent(
                    new ReassessmentStarted(next.getId(), vendor.getId(), latest.getId(), approved.getId(), dueOn));
            notifications.sendToRole(
                    Role.VENDOR_MANAGER,
                    new Message(
                            "reassessment",
                            "Reassessment of " + vendor.getName() + " started",
                            vendor.getName() + " is reassessed "
                                    + vendor.reassessmentInterval().label().toLowerCase()
                                    + ": a draft of \"" + latest.getTitle() + "\" (version " + latest.getVersion()
                                    + ") is due on " + dueOn + ". Send the vendor its invitation.",
                            "assessments/" + next.getId()));
            started++;
        }
        return started;
    }

    /**
     * Chooses how often a vendor is assessed again after an approval; null returns it to the default of its
     * criticality. {@code expectedVersion} (null: any) refuses a stale copy.
     */
    @PreAuthorize(VendorService.WRITERS)
    public Vendor reassessEvery(long vendorId, Long expectedVersion, ReassessmentInterval interval) {
        Vendor vendor = vendor(vendorId);
        if (expectedVersion != null && vendor.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Vendor.class, vendorId);
        }
        vendor.reassessEvery(interval, clock.instant());
        vendors.saveAndFlush(vendor);
        events.publishEvent(new ReassessmentIntervalChosen(vendorId, interval, vendor.reassessmentInterval()));
        return vendor;
    }

    /** When the vendor's next assessment falls due after its latest approval, or null when none is scheduled. */
    @PreAuthorize(VendorService.READERS)
    @Transactional(readOnly = true)
    public LocalDate nextReassessment(long vendorId) {
        Vendor vendor = vendor(vendorId);
        Instant approvedAt = assessments.findByVendorIdOrderByCreatedAtDesc(vendorId).stream()
                .filter(a -> a.getState() == State.APPROVED && a.getDecidedAt() != null)
                .map(Assessment::getDecidedAt)
                .max(Instant::compareTo)
                .orElse(null);
        return approvedAt == null
                ? null
                : vendor.reassessmentInterval()
                        .nextDue(approvedAt.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private String title(Assessment a) {
        return templates
                .findById(a.getTemplateId())
                .map(QuestionnaireTemplate::getTitle)
                .orElse("questionnaire");
    }

    private Vendor vendor(long id) {
        return vendors.findById(id).orElseThrow(() -> new NotFoundException("No vendor " + id));
    }
}
