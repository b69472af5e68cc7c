package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.notification.Notifications;
import dev.aegis.notification.Notifications.Message;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Competence and awareness (ISO/IEC 42001 7.2, 7.3): the trainings, attestations and certifications each person holds,
 * with when they were completed and when they expire, and who in an AIMS role lacks a current one. Before a record
 * expires its holder and the AIMS managers are reminded through the notifications module, once
 * ({@link CompetenceReminders}, the system actor with {@link #SYSTEM_REMIND}).
 *
 * <p>Permissions, one per action: governance officers and administrators record, change and remove records
 * ({@link #WRITE}); auditors read and export ({@link #READ}, {@link #EXPORT}).
 */
@Service
@Transactional
public class CompetenceService {

    /** The system actor's permission to send the reminders before records expire. */
    public static final String SYSTEM_REMIND = "SYSTEM:aims.remind-competence";

    static final String READ = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR') or hasAuthority('"
            + AimsDocumentService.SYSTEM_READ + "')";
    static final String WRITE = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String EXPORT = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    /** How many days before expiry the reminder goes out. */
    public static final int REMIND_DAYS = 30;

    private final CompetenceRecords records;
    private final RoleAssignments roles;
    private final UserDirectory people;
    private final Notifications notifications;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CompetenceService(
            CompetenceRecords records,
            RoleAssignments roles,
            UserDirectory people,
            Notifications notifications,
            Clock clock,
            ApplicationEventPublisher events) {
        this.records = records;
        this.roles = roles;
        this.people = people;
        this.notifications = notifications;
        this.clock = clock;
        this.events = events;
    }

    /** What a record says. {@code expiresOn} null: it does not expire. */
    public record Details(
            String username,
            CompetenceKind kind,
            String title,
            String provider,
            LocalDate completedOn,
            LocalDate expiresOn,
            String note) {}

    /** A line of the register, the person as the directory names them, with where the record stands today. */
    public record Entry(
            long id,
            String username,
            String name,
            CompetenceKind kind,
            String title,
            String provider,
            LocalDate completedOn,
            LocalDate expiresOn,
            String note,
            String standing,
            boolean current,
            long version) {}

    /** Someone in an AIMS role today without a current record, and their roles. */
    public record Gap(String username, String name, List<String> roles, LocalDate lastExpiredOn) {

        /** "No record yet" or "Expired on 2026-11-30". */
        public String why() {
            return lastExpiredOn == null
                    ? "No training or attestation recorded"
                    : "Expired on " + Dates.day(lastExpiredOn);
        }
    }

    // --- reading

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Entry> list() {
        LocalDate today = today();
        Map<String, String> names = names(
                records.findAll().stream().map(CompetenceRecord::getUsername).collect(Collectors.toSet()));
        return records.findAllByOrderByUsernameAscCompletedOnDesc().stream()
                .map(r -> entry(r, today, names))
                .sorted(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Entry::completedOn, Comparator.reverseOrder()))
                .toList();
    }

    /** The people holding an AIMS role today who hold no current record, by name. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Gap> gaps() {
        return gapsOn(today());
    }

    List<Gap> gapsOn(LocalDate day) {
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        roles.findAll().stream()
                .filter(a -> a.heldOn(day))
                .sorted(Comparator.comparing(RoleAssignment::getRole))
                .forEach(a -> holders.computeIfAbsent(a.getUsername(), u -> new TreeSet<>())
                        .add(a.getRole().label()));
        List<CompetenceRecord> all = records.findAll();
        Map<String, String> names = names(holders.keySet());
        return holders.entrySet().stream()
                .filter(h ->
                        all.stream().noneMatch(r -> r.getUsername().equalsIgnoreCase(h.getKey()) && r.currentOn(day)))
                .map(h -> new Gap(
                        h.getKey(),
                        names.get(h.getKey()),
                        List.copyOf(h.getValue()),
                        all.stream()
                                .filter(r -> r.getUsername().equalsIgnoreCase(h.getKey()) && r.getExpiresOn() != null)
                                .map(CompetenceRecord::getExpiresOn)
                                .filter(d -> d.isBefore(day))
                                .max(Comparator.naturalOrder())
                                .orElse(null)))
                .sorted(Comparator.comparing(Gap::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<Person> people() {
        return people.people();
    }

    /** Whether the signed-in person may record (for the screens; the service checks again). */
    public boolean mayWrite() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    // --- writing

    @PreAuthorize(WRITE)
    public Entry record(Details details) {
        CompetenceRecord r = new CompetenceRecord(Actors.current(), Instant.now(clock));
        apply(r, details, null);
        return entry(records.saveAndFlush(r), today(), names(Set.of(r.getUsername())));
    }

    @PreAuthorize(WRITE)
    public Entry change(long id, long expectedVersion, Details details) {
        CompetenceRecord r = current(id, expectedVersion);
        apply(r, details, r.getUsername());
        return entry(records.saveAndFlush(r), today(), names(Set.of(r.getUsername())));
    }

    /** Removes a record entered by mistake (the audit log keeps what it said). */
    @PreAuthorize(WRITE)
    public void remove(long id, long expectedVersion) {
        records.delete(current(id, expectedVersion));
        records.flush();
    }

    /**
     * Reminds the holders of records that expire within {@link #REMIND_DAYS} days, and the AIMS managers, once per
     * record and expiry date.
     *
     * @return how many records were reminded of
     */
    @PreAuthorize("hasAuthority('" + SYSTEM_REMIND + "') or hasRole('ADMIN')")
    public int remindExpiring() {
        LocalDate today = today();
        List<String> managers = roles.findAll().stream()
                .filter(a -> a.getRole() == AimsRole.AIMS_MANAGER && a.heldOn(today))
                .map(RoleAssignment::getUsername)
                .toList();
        int n = 0;
        for (CompetenceRecord r : records.expiringUnreminded(today, today.plusDays(REMIND_DAYS))) {
            String who = name(r.getUsername());
            String subject = r.getKind().label() + " \"" + r.getTitle() + "\" of " + who + " expires on "
                    + Dates.day(r.getExpiresOn());
            String body = "Renew it before " + Dates.day(r.getExpiresOn())
                    + " and record the new one in Aegis, so the competence records of the AI management system stay"
                    + " current (ISO/IEC 42001 7.2, 7.3).";
            Set<String> to = new TreeSet<>(managers);
            to.add(r.getUsername());
            notifications.send(to, new Message("competence", subject, body, "aims/competence"));
            r.reminded(Instant.now(clock));
            n++;
        }
        return n;
    }

    // --- export

    @PreAuthorize(EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of("Person", "Kind", "Title", "Provider", "Completed on", "Expires on", "Standing", "Note"))) {
            for (Entry e : list()) {
                w.row(Arrays.asList(
                        e.name(),
                        e.kind().label(),
                        e.title(),
                        e.provider(),
                        e.completedOn(),
                        e.expiresOn(),
                        e.standing(),
                        e.note()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("competence", format.name()));
    }

    // --- internals

    private void apply(CompetenceRecord r, Details in, String personBefore) {
        if (in == null || in.username() == null || in.username().isBlank()) {
            throw new DomainRuleException("username", "Choose whose record it is.");
        }
        String who = people.requireKnown("username", "person", in.username(), personBefore);
        if (in.kind() == null) {
            throw new DomainRuleException(
                    "kind", "Choose whether it is a training, an attestation or a certification.");
        }
        String title = in.title() == null ? "" : in.title().strip();
        if (title.isEmpty()) {
            throw new DomainRuleException("title", "Name the training or attestation, e.g. \"AI awareness 2026\".");
        }
        if (title.length() > 200) {
            throw new DomainRuleException("title", "Keep the title to 200 characters.");
        }
        String provider = blank(in.provider());
        if (provider != null && provider.length() > 200) {
            throw new DomainRuleException("provider", "Keep the provider to 200 characters.");
        }
        String note = blank(in.note());
        if (note != null && note.length() > 1000) {
            throw new DomainRuleException("note", "Keep the note to 1,000 characters.");
        }
        if (in.completedOn() == null) {
            throw new DomainRuleException("completedOn", "Give the day it was completed.");
        }
        if (in.completedOn().isAfter(today())) {
            throw new DomainRuleException("completedOn", "A record is entered once completed, not before.");
        }
        if (in.expiresOn() != null && in.expiresOn().isBefore(in.completedOn())) {
            throw new DomainRuleException("expiresOn", "It cannot expire before it was completed.");
        }
        r.describe(who, in.kind(), title, provider, in.completedOn(), in.expiresOn(), note);
    }

    private CompetenceRecord current(long id, long expectedVersion) {
        CompetenceRecord r =
                records.findById(id).orElseThrow(() -> new NotFoundException("No competence record " + id));
        if (r.getVersion() != expectedVersion) {
            throw AimsRecords.stale("This record", r.getVersion(), expectedVersion);
        }
        return r;
    }

    private Entry entry(CompetenceRecord r, LocalDate today, Map<String, String> names) {
        boolean current = r.currentOn(today);
        String standing;
        if (r.getExpiresOn() == null) {
            standing = "Current, does not expire";
        } else if (r.getExpiresOn().isBefore(today)) {
            standing = "Expired";
        } else if (!r.getExpiresOn().isAfter(today.plusDays(REMIND_DAYS))) {
            standing = "Expires soon";
        } else {
            standing = "Current";
        }
        return new Entry(
                r.getId(),
                r.getUsername(),
                names.getOrDefault(r.getUsername(), r.getUsername()),
                r.getKind(),
                r.getTitle(),
                r.getProvider(),
                r.getCompletedOn(),
                r.getExpiresOn(),
                r.getNote(),
                standing,
                current,
                r.getVersion());
    }

    private Map<String, String> names(Set<String> usernames) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String u : usernames) {
            out.put(u, name(u));
        }
        return out;
    }

    private String name(String username) {
        return people.find(username).map(Person::label).orElse(username);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
