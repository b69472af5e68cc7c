package dev.aegis.euaiact;

import dev.aegis.euaiact.EuAiActEvents.IncidentRecorded;
import dev.aegis.euaiact.EuAiActEvents.RegisterExported;
import dev.aegis.euaiact.IncidentDeadlines.Kind;
import dev.aegis.euaiact.IncidentDeadlines.Standing;
import dev.aegis.finding.Finding;
import dev.aegis.finding.FindingService;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.notification.Notifications;
import dev.aegis.security.Role;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident register of Art. 73: governance officers and administrators record incidents with AI systems (by hand
 * or escalated from a telemetry finding), the report to the market surveillance authority, the investigation and
 * closure; auditors read and export. Each deadline follows from {@link IncidentDeadlines}; overdue and due-soon ones
 * are on the officers' dashboard and reminded at milestones of the deadline through the notifications.
 */
@Service
@Transactional
public class IncidentService {

    static final String WRITERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String READERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    /** The system actor's permission to remind officers of deadlines. */
    public static final String SYSTEM_REMIND = "SYSTEM:euaiact.incident.remind";

    static final int TEXT_MAX = 4000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Incidents incidents;
    private final AiSystemService systems;
    private final FindingService findings;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;

    IncidentService(
            Incidents incidents,
            AiSystemService systems,
            FindingService findings,
            Notifications notifications,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.systems = systems;
        this.findings = findings;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What happened: a title and description, the kind of incident, whether the infringement is widespread (Art.
     * 3(61)), the day it happened if known, and when the organisation became aware — the wall-clock time in the zone
     * it was given in (an IANA zone such as {@code Europe/Berlin}; UTC when none).
     */
    public record Details(
            String title,
            String description,
            Kind kind,
            Boolean widespread,
            LocalDate occurredOn,
            LocalDateTime awareAt,
            String zone) {}

    /** The report sent to the market surveillance authority; an initial report may be incomplete (Art. 73(5)). */
    public record Report(String authority, LocalDateTime reportedAt, Boolean complete, String note) {}

    /** The investigation and corrective action that follow a report (Art. 73(6)). */
    public record FollowUp(String investigation, String correctiveAction) {}

    /** An incident with where it stands now, in words. */
    public record Row(Incident incident, String system, Standing standing, String countdown) {}

    /** A telemetry finding of a high-risk system, offered for escalation to an incident. */
    public record Candidate(long findingId, String title, String severity, Instant openedAt) {}

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Row> list() {
        Map<Long, String> names = new LinkedHashMap<>();
        return incidents.findAllByOrderByAwareAtDesc().stream()
                .map(i -> row(i, names.computeIfAbsent(i.getSystemId(), this::systemName)))
                .toList();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Row> ofSystem(long systemId) {
        String name = systemName(systemId);
        return incidents.findBySystemIdOrderByAwareAtDesc(systemId).stream()
                .map(i -> row(i, name))
                .toList();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Row get(long id) {
        Incident i = find(id);
        return row(i, systemName(i.getSystemId()));
    }

    /** Open serious incidents overdue or due within {@link IncidentDeadlines#DUE_SOON}, soonest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Row> due() {
        Map<Long, String> names = new LinkedHashMap<>();
        return incidents.openDueBefore(now().plus(IncidentDeadlines.DUE_SOON)).stream()
                .map(i -> row(i, names.computeIfAbsent(i.getSystemId(), this::systemName)))
                .toList();
    }

    @PreAuthorize(WRITERS)
    public Incident raise(long systemId, Details details) {
        return raise(systemId, null, details);
    }

    /** Escalates a telemetry finding of the system to an incident (title and description from the finding if blank). */
    @PreAuthorize(WRITERS)
    public Incident escalate(long findingId, Details details) {
        Finding f = findings.get(findingId);
        Details d = new Details(
                blank(details.title()) ? clip(f.getTitle(), 200) : details.title(),
                blank(details.description())
                        ? "Escalated from telemetry finding " + f.getId() + ": " + clip(f.getTitle(), 3000)
                        : details.description(),
                details.kind(),
                details.widespread(),
                details.occurredOn(),
                details.awareAt(),
                details.zone());
        return raise(f.getSystemId(), findingId, d);
    }

    private Incident raise(long systemId, Long findingId, Details details) {
        AiSystem system = systems.get(systemId);
        Incident i = new Incident(
                IncidentNumbers.next(incidents.references()), systemId, findingId, Actors.current(), now());
        apply(i, details);
        i = incidents.saveAndFlush(i);
        publish(
                i,
                "INCIDENT_RAISED",
                Map.of("system", system.getName(), "kind", i.getKind().name()));
        tellOfficers(i, "New incident " + i.getReference());
        return i;
    }

    @PreAuthorize(WRITERS)
    public Incident change(long id, long expectedVersion, Details details) {
        Incident i = current(id, expectedVersion);
        apply(i, details);
        i = incidents.saveAndFlush(i);
        publish(i, "INCIDENT_CHANGED", Map.of("kind", i.getKind().name()));
        return i;
    }

    @PreAuthorize(WRITERS)
    public Incident report(long id, long expectedVersion, Report report) {
        Incident i = current(id, expectedVersion);
        if (report == null || blank(report.authority())) {
            throw new DomainRuleException("authority", "Name the market surveillance authority the report went to.");
        }
        if (report.reportedAt() == null) {
            throw new DomainRuleException("reportedAt", "Give the date and time the report was sent.");
        }
        Instant at = report.reportedAt().atZone(i.getAwareZone()).toInstant();
        if (at.isAfter(now().plusSeconds(60))) {
            throw new DomainRuleException("reportedAt", "The report cannot have been sent in the future.");
        }
        if (at.isBefore(i.getAwareAt())) {
            throw new DomainRuleException("reportedAt", "The report cannot precede the awareness of the incident.");
        }
        i.reported(
                text("authority", report.authority(), 300),
                at,
                Boolean.TRUE.equals(report.complete()),
                text("note", report.note(), TEXT_MAX));
        i = incidents.saveAndFlush(i);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("authority", i.getAuthority());
        d.put("reportedAt", i.getReportedAt());
        d.put("complete", i.isReportComplete());
        d.put("onTime", !i.getReportedAt().isAfter(i.getDeadline()));
        publish(i, "INCIDENT_REPORTED", d);
        return i;
    }

    /** A deployer informed the provider (Art. 26(5)). */
    @PreAuthorize(WRITERS)
    public Incident providerInformed(long id, long expectedVersion, LocalDateTime at) {
        Incident i = current(id, expectedVersion);
        if (at == null) {
            throw new DomainRuleException("providerInformedAt", "Give the date and time the provider was informed.");
        }
        i.providerInformed(at.atZone(i.getAwareZone()).toInstant());
        i = incidents.saveAndFlush(i);
        publish(i, "INCIDENT_PROVIDER_INFORMED", Map.of("at", i.getProviderInformedAt()));
        return i;
    }

    @PreAuthorize(WRITERS)
    public Incident followUp(long id, long expectedVersion, FollowUp followUp) {
        Incident i = current(id, expectedVersion);
        String investigation = text("investigation", followUp == null ? null : followUp.investigation(), TEXT_MAX);
        if (investigation == null) {
            throw new DomainRuleException(
                    "investigation", "Say what the investigation found (or how far it got) (Art. 73(6)).");
        }
        i.followedUp(investigation, text("correctiveAction", followUp.correctiveAction(), TEXT_MAX));
        i = incidents.saveAndFlush(i);
        publish(i, "INCIDENT_FOLLOWED_UP", Map.of());
        return i;
    }

    @PreAuthorize(WRITERS)
    public Incident close(long id, long expectedVersion, String note) {
        Incident i = current(id, expectedVersion);
        i.close(text("closureNote", note, TEXT_MAX), Actors.current(), now());
        i = incidents.saveAndFlush(i);
        publish(i, "INCIDENT_CLOSED", Map.of());
        return i;
    }

    /** Telemetry findings of this system still open, offered for escalation when the system is high-risk. */
    @PreAuthorize(WRITERS)
    @Transactional(readOnly = true)
    public List<Candidate> candidates(long systemId) {
        AiSystem system = systems.get(systemId);
        if (system.details().euAiActTier() != dev.aegis.inventory.Classification.EuAiActTier.HIGH) {
            return List.of();
        }
        List<Long> escalated = incidents.findBySystemIdOrderByAwareAtDesc(systemId).stream()
                .map(Incident::getFindingId)
                .filter(java.util.Objects::nonNull)
                .toList();
        return findings
                .search(FindingService.Filter.ofSystem(systemId), org.springframework.data.domain.PageRequest.of(0, 20))
                .stream()
                .filter(f -> (f.getState() == dev.aegis.finding.FindingVocabulary.State.OPEN
                                || f.getState() == dev.aegis.finding.FindingVocabulary.State.INVESTIGATING)
                        && !escalated.contains(f.getId()))
                .map(f -> new Candidate(f.getId(), f.getTitle(), f.getSeverity().label(), f.getFirstSeen()))
                .toList();
    }

    @PreAuthorize(READERS)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of(
                        "Reference",
                        "AI system",
                        "Title",
                        "Kind",
                        "Widespread",
                        "Occurred on",
                        "Aware at (UTC)",
                        "Deadline (UTC)",
                        "Standing",
                        "Authority",
                        "Reported at (UTC)",
                        "Report complete",
                        "Provider informed at (UTC)",
                        "Investigation",
                        "Corrective action",
                        "Status",
                        "Closed at (UTC)",
                        "Closed by",
                        "Raised by"))) {
            for (Row r : list()) {
                Incident i = r.incident();
                w.row(Arrays.asList(
                        i.getReference(),
                        r.system(),
                        i.getTitle(),
                        i.getKind().label(),
                        i.isWidespread() ? "yes" : "no",
                        i.getOccurredOn(),
                        utc(i.getAwareAt()),
                        utc(i.getDeadline()),
                        r.standing().label(),
                        i.getAuthority(),
                        utc(i.getReportedAt()),
                        i.getReportedAt() == null ? null : i.isReportComplete() ? "yes" : "no (initial)",
                        utc(i.getProviderInformedAt()),
                        i.getInvestigation(),
                        i.getCorrectiveAction(),
                        i.getStatus().label(),
                        utc(i.getClosedAt()),
                        i.getClosedBy(),
                        i.getRaisedBy()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new RegisterExported("incidents", format.name()));
    }

    /**
     * The milestones of a report deadline at which officers are reminded, once each: five days before, one day before,
     * and when it has passed.
     */
    public enum Milestone {
        FIVE_DAYS_BEFORE(Duration.ofDays(5)),
        ONE_DAY_BEFORE(Duration.ofDays(1)),
        OVERDUE(Duration.ZERO);

        private final Duration before;

        Milestone(Duration before) {
            this.before = before;
        }

        /** The latest milestone reached at {@code now}, none when the deadline is more than five days away. */
        static Optional<Milestone> reached(Instant deadline, Instant now) {
            Milestone reached = null;
            for (Milestone m : values()) {
                if (!now.isBefore(deadline.minus(m.before))) {
                    reached = m;
                }
            }
            return Optional.ofNullable(reached);
        }
    }

    /**
     * Every hour (the system actor; it reminds people, nothing more): for each open serious incident whose report is
     * not sent, officers and administrators are told when it reaches a milestone of its deadline — five days before,
     * one day before, overdue — once per milestone, as {@code euaiact.incident_reminder} records. A milestone passed
     * while a later one is already reached is not sent late. Answers how many notifications went out.
     */
    @PreAuthorize("hasAuthority('" + SYSTEM_REMIND + "')")
    public int remindDue() {
        int sent = 0;
        Instant now = now();
        for (Incident i : incidents.openDueBefore(
                now.plus(Milestone.FIVE_DAYS_BEFORE.before).plusSeconds(1))) {
            if (i.getReportedAt() != null) {
                continue;
            }
            Optional<Milestone> m = Milestone.reached(i.getDeadline(), now);
            if (m.isEmpty()) {
                continue;
            }
            int claimed = jdbc.sql("insert into euaiact.incident_reminder (incident_id, milestone, deadline, sent_at,"
                            + " recipients) values (?, ?, ?, ?, 0) on conflict do nothing")
                    .params(i.getId(), m.get().name(), Timestamp.from(i.getDeadline()), Timestamp.from(now))
                    .update();
            if (claimed == 0) {
                continue;
            }
            String subject = (m.get() == Milestone.OVERDUE ? "Overdue: report of incident " : "Report due: incident ")
                    + i.getReference() + " (" + IncidentDeadlines.countdown(i.getDeadline(), now) + ")";
            int told = tell(i, subject);
            jdbc.sql("update euaiact.incident_reminder set recipients = ? where incident_id = ? and milestone = ?"
                            + " and deadline = ?")
                    .params(told, i.getId(), m.get().name(), Timestamp.from(i.getDeadline()))
                    .update();
            sent += told;
        }
        return sent;
    }

    /** The reminders sent for an incident, as "milestone at instant", oldest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Milestone> remindersSent(long id) {
        find(id);
        return jdbc.sql("select milestone from euaiact.incident_reminder where incident_id = ? order by sent_at,"
                        + " milestone")
                .param(id)
                .query((rs, n) -> Milestone.valueOf(rs.getString(1)))
                .list();
    }

    private void tellOfficers(Incident i, String subject) {
        if (i.getDeadline() != null) {
            tell(i, subject + ": report due by " + local(i.getDeadline(), i.getAwareZone()));
        }
    }

    private int tell(Incident i, String subject) {
        Notifications.Message m = new Notifications.Message(
                "euaiact.incident",
                subject,
                i.getTitle() + " — " + i.getKind().label() + " (" + i.getKind().provision() + "). Report to the market "
                        + "surveillance authority by " + local(i.getDeadline(), i.getAwareZone()) + ".",
                "systems/" + i.getSystemId());
        return notifications.sendToRole(Role.GOVERNANCE_OFFICER, m) + notifications.sendToRole(Role.ADMIN, m);
    }

    // --- rules

    private void apply(Incident i, Details in) {
        if (in == null) {
            throw new DomainRuleException("title", "Describe the incident.");
        }
        String title = text("title", in.title(), 200);
        if (title == null) {
            throw new DomainRuleException("title", "Give the incident a title.");
        }
        String description = text("description", in.description(), TEXT_MAX);
        if (description == null) {
            throw new DomainRuleException("description", "Say what happened.");
        }
        if (in.kind() == null) {
            throw new DomainRuleException(
                    "kind",
                    "Choose the kind of incident (death, harm to health, critical infrastructure, "
                            + "fundamental rights, property or environment, or not serious).");
        }
        if (in.awareAt() == null) {
            throw new DomainRuleException(
                    "awareAt",
                    "Give the date and time the organisation became aware of the incident: the deadline "
                            + "counts from it.");
        }
        ZoneId zone;
        try {
            zone = blank(in.zone()) ? ZoneOffset.UTC : ZoneId.of(in.zone().strip());
        } catch (DateTimeException e) {
            throw new DomainRuleException(
                    "zone", "\"" + in.zone() + "\" is not a time zone; use one such as Europe/Berlin or UTC.");
        }
        Instant aware = in.awareAt().atZone(zone).toInstant();
        if (aware.isAfter(now().plusSeconds(60))) {
            throw new DomainRuleException("awareAt", "The organisation cannot become aware in the future.");
        }
        if (in.occurredOn() != null && in.occurredOn().isAfter(in.awareAt().toLocalDate())) {
            throw new DomainRuleException(
                    "occurredOn", "The incident cannot happen after the organisation knew of it.");
        }
        i.describe(title, description, in.kind(), Boolean.TRUE.equals(in.widespread()), in.occurredOn(), aware, zone);
    }

    private Incident current(long id, long expectedVersion) {
        Incident i = find(id);
        if (i.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(
                    "Incident " + i.getReference() + " was changed by someone else meanwhile (now at " + i.getVersion()
                            + ", you read " + expectedVersion + "). Reload it and try again.",
                    null);
        }
        return i;
    }

    private Incident find(long id) {
        return incidents.findById(id).orElseThrow(() -> new NotFoundException("No incident " + id));
    }

    private Row row(Incident i, String system) {
        Instant now = now();
        Standing s = i.standing(now);
        String countdown = i.getDeadline() == null || i.getReportedAt() != null || s == Standing.CLOSED
                ? ""
                : IncidentDeadlines.countdown(i.getDeadline(), now);
        return new Row(i, system, s, countdown);
    }

    private String systemName(long systemId) {
        try {
            return systems.get(systemId).getName();
        } catch (NotFoundException e) {
            return "AI system " + systemId + " (removed)";
        }
    }

    private void publish(Incident i, String action, Map<String, Object> more) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", i.getReference() + " · " + i.getTitle());
        d.put("system", i.getSystemId());
        d.putAll(more);
        events.publishEvent(new IncidentRecorded(i.getId(), action, d));
    }

    /** "2026-12-08 14:30 Europe/Berlin": a moment in the zone the incident's awareness was given in. */
    public static String local(Instant at, ZoneId zone) {
        return at == null ? "" : LOCAL.format(at.atZone(zone)) + " " + zone.getId();
    }

    private static String utc(Instant at) {
        return at == null ? null : Dates.minute(at);
    }

    private Instant now() {
        return clock.instant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String text(String field, String value, int max) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new DomainRuleException(
                    field, "At most %,d characters fit here. You entered %,d.".formatted(max, v.length()));
        }
        return v;
    }
}
