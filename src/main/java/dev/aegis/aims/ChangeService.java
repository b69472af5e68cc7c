package dev.aegis.aims;

import dev.aegis.aims.AimsDocumentService.SystemRef;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Planning of changes (ISO/IEC 42001 6.3): changes to the AI management system and its AI systems recorded before they
 * are made, with what, why, when, the AI systems of the inventory they touch and their impact; approved by someone other
 * than who raised them (four eyes), then done with the outcome, or cancelled with the reason.
 *
 * <p>Permissions, one per action: governance officers and administrators raise, change, approve, close and cancel
 * ({@link #WRITE}); auditors read and export ({@link #READ}, {@link #EXPORT}).
 */
@Service
@Transactional
public class ChangeService {

    static final String READ = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR') or hasAuthority('"
            + AimsDocumentService.SYSTEM_READ + "')";
    static final String WRITE = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    static final String EXPORT = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";

    private final ChangeRecords changes;
    private final AimsDocumentService documents;
    private final UserDirectory people;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChangeService(
            ChangeRecords changes,
            AimsDocumentService documents,
            UserDirectory people,
            Clock clock,
            ApplicationEventPublisher events) {
        this.changes = changes;
        this.documents = documents;
        this.people = people;
        this.clock = clock;
        this.events = events;
    }

    /** What a change says. */
    public record Details(String title, String reason, String impact, LocalDate plannedOn, Set<Long> systems) {}

    /** A change as people read it; its AI systems by name (a removed one says so). */
    public record ChangeView(
            long id,
            String reference,
            String title,
            String reason,
            String impact,
            LocalDate plannedOn,
            ChangeStatus status,
            List<SystemRef> systems,
            String raisedBy,
            Instant raisedAt,
            String approvedBy,
            Instant approvedAt,
            String closedBy,
            Instant closedAt,
            String outcome,
            long version) {

        /** "Diagnosis assistant, Customer chatbot" */
        public String systemNames() {
            return systems.stream()
                    .map(s -> s.name() == null ? "AI system " + s.id() + " (removed)" : s.name())
                    .collect(Collectors.joining(", "));
        }
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<ChangeView> list() {
        Map<Long, String> names = systemNames();
        return changes.findAllByOrderByPlannedOnDescIdDesc().stream()
                .map(c -> view(c, names))
                .toList();
    }

    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public ChangeView get(long id) {
        return view(change(id), systemNames());
    }

    /** The AI systems a change can name, by name. */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public List<SystemRef> systemChoices() {
        return documents.aiSystemChoices();
    }

    /** How someone is shown: the directory's label, else the user name. */
    public String name(String username) {
        return username == null ? "" : people.find(username).map(Person::label).orElse(username);
    }

    /** Whether the signed-in person may plan changes (for the screens; the service checks again). */
    public boolean mayWrite() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @PreAuthorize(WRITE)
    public ChangeView raise(Details details) {
        ChangeRecord c = new ChangeRecord(nextReference(), Actors.current(), Instant.now(clock));
        apply(c, details);
        return view(changes.saveAndFlush(c), systemNames());
    }

    @PreAuthorize(WRITE)
    public ChangeView change(long id, long expectedVersion, Details details) {
        ChangeRecord c = current(id, expectedVersion);
        apply(c, details);
        return view(changes.saveAndFlush(c), systemNames());
    }

    @PreAuthorize(WRITE)
    public ChangeView approve(long id, long expectedVersion) {
        ChangeRecord c = current(id, expectedVersion);
        c.approve(Actors.current(), Instant.now(clock));
        return view(changes.saveAndFlush(c), systemNames());
    }

    @PreAuthorize(WRITE)
    public ChangeView done(long id, long expectedVersion, String outcome) {
        ChangeRecord c = current(id, expectedVersion);
        c.done(
                Actors.current(),
                Instant.now(clock),
                AimsRecords.requiredText("outcome", outcome, 1000, "Say how the change went."));
        return view(changes.saveAndFlush(c), systemNames());
    }

    @PreAuthorize(WRITE)
    public ChangeView cancel(long id, long expectedVersion, String reason) {
        ChangeRecord c = current(id, expectedVersion);
        c.cancel(
                Actors.current(),
                Instant.now(clock),
                AimsRecords.requiredText("outcome", reason, 1000, "Say why it is cancelled."));
        return view(changes.saveAndFlush(c), systemNames());
    }

    @PreAuthorize(EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of(
                        "Reference",
                        "Change",
                        "Why",
                        "AI systems",
                        "Impact",
                        "Planned for",
                        "Status",
                        "Raised by",
                        "Approved by",
                        "Outcome"))) {
            for (ChangeView c : list()) {
                w.row(Arrays.asList(
                        c.reference(),
                        c.title(),
                        c.reason(),
                        c.systemNames(),
                        c.impact(),
                        c.plannedOn(),
                        c.status().label(),
                        name(c.raisedBy()),
                        name(c.approvedBy()),
                        c.outcome()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("changes", format.name()));
    }

    private void apply(ChangeRecord c, Details in) {
        if (in == null) {
            throw new DomainRuleException("title", "Say what changes.");
        }
        String title = AimsRecords.requiredText(
                "title", in.title(), 200, "Say what changes, e.g. \"Retrain the diagnosis model\".");
        String reason = AimsRecords.requiredText("reason", in.reason(), 4000, "Say why the change is made.");
        String impact = AimsRecords.requiredText(
                "impact", in.impact(), 4000, "Describe the impact on the AI systems and the management system.");
        if (in.plannedOn() == null) {
            throw new DomainRuleException("plannedOn", "Give the day the change is planned for.");
        }
        Set<Long> systems = in.systems() == null ? Set.of() : new LinkedHashSet<>(in.systems());
        Set<Long> known = systemChoices().stream().map(SystemRef::id).collect(Collectors.toSet());
        for (Long s : systems) {
            if (!c.getSystems().contains(s) && !known.contains(s)) {
                throw new DomainRuleException("systems", "There is no AI system " + s + " in the inventory.");
            }
        }
        c.describe(title, reason, impact, in.plannedOn(), systems);
    }

    private ChangeRecord current(long id, long expectedVersion) {
        ChangeRecord c = change(id);
        if (c.getVersion() != expectedVersion) {
            throw AimsRecords.stale("This change", c.getVersion(), expectedVersion);
        }
        return c;
    }

    private ChangeRecord change(long id) {
        return changes.findById(id).orElseThrow(() -> new NotFoundException("No change " + id));
    }

    private Map<Long, String> systemNames() {
        return documents.aiSystemChoices().stream()
                .collect(Collectors.toMap(SystemRef::id, SystemRef::name, (a, b) -> a));
    }

    private String nextReference() {
        return AimsRecords.next("CHG", changes.references());
    }

    private static ChangeView view(ChangeRecord c, Map<Long, String> names) {
        return new ChangeView(
                c.getId(),
                c.getReference(),
                c.getTitle(),
                c.getReason(),
                c.getImpact(),
                c.getPlannedOn(),
                c.getStatus(),
                c.getSystems().stream()
                        .sorted()
                        .map(s -> new SystemRef(s, names.get(s)))
                        .toList(),
                c.getRaisedBy(),
                c.getRaisedAt(),
                c.getApprovedBy(),
                c.getApprovedAt(),
                c.getClosedBy(),
                c.getClosedAt(),
                c.getOutcome(),
                c.getVersion());
    }
}
