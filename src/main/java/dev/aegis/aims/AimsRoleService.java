package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.shared.Actors;
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
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which AIMS role (ISO/IEC 42001 5.3, A.3.2), drawn from the user directory. Governance officers and
 * administrators assign and hand roles over; auditors read. A role handed over keeps its line with the end date, so
 * the register says who held it when.
 */
@Service
@Transactional
public class AimsRoleService {

    private final RoleAssignments assignments;
    private final UserDirectory people;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    AimsRoleService(
            RoleAssignments assignments,
            UserDirectory people,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.assignments = assignments;
        this.people = people;
        this.clock = clock;
    }

    /** What an assignment says. {@code since} null means today. */
    public record Assignment(
            AimsRole role, String username, String responsibilities, LocalDate since, LocalDate until) {}

    /** A line of the register, the holder shown as the directory names them. */
    public record Holder(
            long id,
            AimsRole role,
            String username,
            String name,
            String responsibilities,
            LocalDate since,
            LocalDate until,
            boolean current,
            long version) {}

    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<Holder> list() {
        LocalDate today = today();
        return assignments.findAllByOrderByRoleAscSinceDesc().stream()
                .sorted(java.util.Comparator.comparing(RoleAssignment::getRole)) // the roles' own order, top first
                .map(a -> holder(a, today))
                .toList();
    }

    /** The roles nobody holds today, for the screen's reminder. */
    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<AimsRole> vacant() {
        List<Holder> all = list();
        return Arrays.stream(AimsRole.values())
                .filter(r -> all.stream().noneMatch(h -> h.role() == r && h.current()))
                .toList();
    }

    @PreAuthorize(AimsDocumentService.WRITE)
    public Holder assign(Assignment assignment) {
        RoleAssignment a = new RoleAssignment(Actors.current(), Instant.now(clock));
        apply(a, assignment);
        return holder(assignments.saveAndFlush(a), today());
    }

    @PreAuthorize(AimsDocumentService.WRITE)
    public Holder change(long id, long expectedVersion, Assignment assignment) {
        RoleAssignment a =
                assignments.findById(id).orElseThrow(() -> new NotFoundException("No role assignment " + id));
        if (a.getVersion() != expectedVersion) {
            throw AimsRecords.stale("This role assignment", a.getVersion(), expectedVersion);
        }
        apply(a, assignment);
        return holder(assignments.saveAndFlush(a), today());
    }

    @PreAuthorize(AimsDocumentService.EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format, out, List.of("Role", "Held by", "Responsibilities", "Since", "Until", "Current"))) {
            for (Holder h : list()) {
                w.row(Arrays.asList(
                        h.role().label(),
                        h.name(),
                        h.responsibilities(),
                        h.since(),
                        h.until(),
                        h.current() ? "yes" : "no"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("roles", format.name()));
    }

    private void apply(RoleAssignment a, Assignment in) {
        if (in == null || in.role() == null) {
            throw new DomainRuleException("role", "Choose the AIMS role.");
        }
        if (in.username() == null || in.username().isBlank()) {
            throw new DomainRuleException("username", "Choose who holds the role.");
        }
        String who = people.requireKnown("username", "person holding the role", in.username());
        String duties = in.responsibilities() == null || in.responsibilities().isBlank()
                ? null
                : in.responsibilities().strip();
        if (duties != null && duties.length() > 2000) {
            throw new DomainRuleException("responsibilities", "Keep the responsibilities to 2,000 characters.");
        }
        LocalDate since = in.since() == null ? today() : in.since();
        if (in.until() != null && in.until().isBefore(since)) {
            throw new DomainRuleException("until", "The end date cannot come before the start date.");
        }
        a.assign(in.role(), who, duties, since, in.until());
    }

    private Holder holder(RoleAssignment a, LocalDate today) {
        return new Holder(
                a.getId(),
                a.getRole(),
                a.getUsername(),
                people.find(a.getUsername()).map(Person::label).orElse(a.getUsername()),
                a.getResponsibilities(),
                a.getSince(),
                a.getUntil(),
                a.heldOn(today),
                a.getVersion());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
