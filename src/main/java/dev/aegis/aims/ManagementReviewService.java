package dev.aegis.aims;

import dev.aegis.aims.ManagementReviewInput.ReviewSection;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.reports.DocRow;
import dev.aegis.shared.reports.Reports;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Management review (ISO/IEC 42001 9.3): meetings planned with a chair and attendees; their inputs assembled by Aegis
 * as of the meeting date ({@link ReviewInputs}) and frozen when the review is recorded as held with its minutes; outputs
 * (decisions, and actions with owners and due dates); the minutes as PDF. Officers and administrators write; an
 * action's owner marks it done; auditors read and export.
 */
@Service
@Transactional
public class ManagementReviewService {

    static final String ACT = "isAuthenticated()";

    private final ManagementReviews reviews;
    private final ReviewOutputs outputs;
    private final ReviewInputs inputs;
    private final UserDirectory people;
    private final Reports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ManagementReviewService(
            ManagementReviews reviews,
            ReviewOutputs outputs,
            ReviewInputs inputs,
            UserDirectory people,
            Reports reports,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reviews = reviews;
        this.outputs = outputs;
        this.inputs = inputs;
        this.people = people;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    public record Meeting(String title, LocalDate meetingDate, String chair, List<String> attendees) {}

    public record OutputView(
            long id,
            boolean action,
            String text,
            String owner,
            String ownerName,
            LocalDate due,
            Instant doneAt,
            String doneNote,
            long version) {}

    public record ReviewSummary(
            long id,
            String reference,
            String title,
            LocalDate meetingDate,
            String chairName,
            boolean held,
            int decisions,
            int actions,
            int actionsDone,
            long version) {}

    public record ReviewView(
            long id,
            String reference,
            String title,
            LocalDate meetingDate,
            String chair,
            String chairName,
            List<String> attendeeNames,
            List<String> attendees,
            boolean held,
            String minutes,
            String heldBy,
            Instant heldAt,
            List<ReviewSection> inputs,
            List<OutputView> outputs,
            long version) {}

    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<ReviewSummary> list() {
        List<ManagementReview> all = reviews.findAllByOrderByMeetingDateDescReferenceDesc();
        Map<Long, List<ReviewOutput>> byReview =
                outputs
                        .findByReviewIdIn(
                                all.stream().map(ManagementReview::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(ReviewOutput::getReviewId));
        return all.stream()
                .map(r -> {
                    List<ReviewOutput> os = byReview.getOrDefault(r.getId(), List.of());
                    List<ReviewOutput> as = os.stream()
                            .filter(o -> ReviewOutput.ACTION.equals(o.getKind()))
                            .toList();
                    return new ReviewSummary(
                            r.getId(),
                            r.getReference(),
                            r.getTitle(),
                            r.getMeetingDate(),
                            nameOf(r.getChair()),
                            r.isHeld(),
                            os.size() - as.size(),
                            as.size(),
                            (int) as.stream().filter(o -> o.getDoneAt() != null).count(),
                            r.getVersion());
                })
                .toList();
    }

    /** A review; the inputs of one not yet held are assembled now, as of its meeting date. */
    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public ReviewView get(long id) {
        return view(find(id));
    }

    /** The inputs as of a meeting date, as a review held that day would get them. */
    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<ReviewSection> inputsAsOf(LocalDate meetingDate) {
        return inputs.assemble(meetingDate);
    }

    public boolean mayWrite() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    @PreAuthorize(AimsDocumentService.WRITE)
    public ReviewView plan(Meeting meeting) {
        ManagementReview r = new ManagementReview(nextReference(), Actors.current(), Instant.now(clock));
        apply(r, meeting);
        return view(reviews.saveAndFlush(r));
    }

    @PreAuthorize(AimsDocumentService.WRITE)
    public ReviewView change(long id, long expectedVersion, Meeting meeting) {
        ManagementReview r = find(id, expectedVersion);
        apply(r, meeting);
        return view(reviews.saveAndFlush(r));
    }

    /**
     * Records the review as held on its date, with its minutes: the inputs as of the meeting date are frozen with it.
     * A review is held on or before today. A review held in the last twelve months meets ISO/IEC 42001 9.3.
     */
    @PreAuthorize(AimsDocumentService.WRITE)
    public ReviewView hold(long id, long expectedVersion, String minutes) {
        ManagementReview r = find(id, expectedVersion);
        if (r.getMeetingDate().isAfter(today())) {
            throw new DomainRuleException(
                    "minutes",
                    "The meeting is on " + Dates.day(r.getMeetingDate()) + ": record it as held on or after that day.");
        }
        String text = AimsRecords.optionalText("minutes", minutes, 20000);
        if (text == null) {
            throw new DomainRuleException("minutes", "Write the minutes: what was discussed and concluded.");
        }
        r.held(ReviewInputs.json(inputs.assemble(r.getMeetingDate())), text, Actors.current(), Instant.now(clock));
        return view(reviews.saveAndFlush(r));
    }

    /** Adds a decision (owner and due left out) or an action (with an owner and a due date). */
    @PreAuthorize(AimsDocumentService.WRITE)
    public ReviewView addOutput(long id, boolean action, String text, String owner, LocalDate due) {
        ManagementReview r = find(id);
        String what = AimsRecords.optionalText("text", text, 2000);
        if (what == null) {
            throw new DomainRuleException("text", action ? "Say what the action is." : "State the decision.");
        }
        String who = null;
        if (action) {
            if (owner == null || owner.isBlank()) {
                throw new DomainRuleException("owner", "Choose who does the action.");
            }
            who = people.requireKnown("owner", "action owner", owner);
            if (due == null) {
                throw new DomainRuleException("due", "Give the action a due date.");
            }
        }
        outputs.saveAndFlush(new ReviewOutput(
                id,
                action ? ReviewOutput.ACTION : ReviewOutput.DECISION,
                what,
                who,
                action ? due : null,
                Actors.current(),
                Instant.now(clock)));
        return view(r);
    }

    /** The action's owner (or an officer) marks it done; the next review sees it. */
    @PreAuthorize(ACT)
    public ReviewView outputDone(long id, long outputId, long expectedVersion, String note) {
        ManagementReview r = find(id);
        ReviewOutput o = outputs.findById(outputId)
                .filter(x -> x.getReviewId() == id)
                .orElseThrow(() -> new NotFoundException("No output " + outputId + " of this review"));
        if (o.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException(
                    "This action was changed by someone else meanwhile. Reload it.");
        }
        if (!mayWrite() && (o.getOwner() == null || !o.getOwner().equalsIgnoreCase(Actors.current()))) {
            throw new DomainRuleException("doneNote", "Only the action's owner or an officer marks it done.");
        }
        o.done(Instant.now(clock), AimsRecords.optionalText("doneNote", note, 2000));
        outputs.saveAndFlush(o);
        return view(r);
    }

    @PreAuthorize(AimsDocumentService.EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of("Reference", "Title", "Meeting", "Chair", "Held", "Decisions", "Actions", "Actions done"))) {
            for (ReviewSummary s : list()) {
                w.row(Arrays.asList(
                        s.reference(),
                        s.title(),
                        s.meetingDate(),
                        s.chairName(),
                        s.held() ? "yes" : "no",
                        s.decisions(),
                        s.actions(),
                        s.actionsDone()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("management-reviews", format.name()));
    }

    /** The minutes as a PDF/A: meeting, attendees, inputs as of the meeting, minutes, decisions and actions. */
    @PreAuthorize(AimsDocumentService.EXPORT)
    public void minutesPdf(long id, OutputStream out) {
        ReviewView r = get(id);
        List<DocRow> rows = new ArrayList<>();
        rows.add(DocRow.h1("Meeting"));
        rows.add(kv("Reference", r.reference()));
        rows.add(kv("Date", Dates.day(r.meetingDate())));
        rows.add(kv("Chair", r.chairName()));
        rows.add(kv("Attendees", String.join(", ", r.attendeeNames())));
        rows.add(kv(
                "Status",
                r.held()
                        ? "Held; recorded " + Dates.minute(r.heldAt()) + " by " + r.heldBy()
                        : "Planned, not held yet"));
        rows.add(DocRow.h1("Inputs (as of " + Dates.day(r.meetingDate()) + ")"));
        for (ReviewSection s : r.inputs()) {
            rows.add(DocRow.h2(s.title()));
            s.lines().forEach(l -> rows.add(DocRow.p("• " + l)));
        }
        rows.add(DocRow.h1("Minutes"));
        rows.add(DocRow.p(r.minutes() == null ? "Not recorded yet." : r.minutes()));
        rows.add(DocRow.h1("Decisions"));
        List<OutputView> decisions =
                r.outputs().stream().filter(o -> !o.action()).toList();
        if (decisions.isEmpty()) {
            rows.add(DocRow.p("No decisions recorded."));
        }
        decisions.forEach(d -> rows.add(DocRow.p("• " + d.text())));
        rows.add(DocRow.h1("Actions"));
        List<OutputView> actions =
                r.outputs().stream().filter(OutputView::action).toList();
        if (actions.isEmpty()) {
            rows.add(DocRow.p("No actions recorded."));
        } else {
            rows.add(DocRow.th(DocRow.Layout.NAME_AND_FIGURES, "Action", "Owner", "Due", "State"));
            actions.forEach(a -> rows.add(DocRow.tr(
                    a.text(),
                    a.ownerName(),
                    Dates.day(a.due()),
                    a.doneAt() == null
                            ? "Open"
                            : "Done "
                                    + Dates.day(
                                            a.doneAt().atOffset(ZoneOffset.UTC).toLocalDate()))));
        }
        String title = "Management review minutes " + r.reference();
        reports.document(
                title,
                r.title() + " · " + Dates.day(r.meetingDate()),
                title + " · printed " + Dates.minute(clock.instant()),
                rows,
                out);
        events.publishEvent(new AimsEvents.RegisterExported("management review minutes " + r.reference(), "PDF"));
    }

    private void apply(ManagementReview r, Meeting in) {
        String title = AimsRecords.optionalText("title", in == null ? null : in.title(), 200);
        if (title == null) {
            throw new DomainRuleException("title", "Give the review a title.");
        }
        if (in.meetingDate() == null) {
            throw new DomainRuleException("meetingDate", "Give the meeting's date.");
        }
        if (in.chair() == null || in.chair().isBlank()) {
            throw new DomainRuleException("chair", "Choose who chairs the review (top management).");
        }
        String chair = people.requireKnown("chair", "chair", in.chair(), r.getChair());
        List<String> attendees = new ArrayList<>();
        for (String a : in.attendees() == null ? List.<String>of() : in.attendees()) {
            String known = people.requireKnown("attendees", "attendee", a);
            if (known != null && attendees.stream().noneMatch(known::equalsIgnoreCase)) {
                attendees.add(known);
            }
        }
        r.plan(title, in.meetingDate(), chair, attendees);
    }

    private ManagementReview find(long id) {
        return reviews.findById(id).orElseThrow(() -> new NotFoundException("No management review " + id));
    }

    private ManagementReview find(long id, long expectedVersion) {
        ManagementReview r = find(id);
        if (r.getVersion() != expectedVersion) {
            throw AimsRecords.stale(r.getReference(), r.getVersion(), expectedVersion);
        }
        return r;
    }

    private ReviewView view(ManagementReview r) {
        return new ReviewView(
                r.getId(),
                r.getReference(),
                r.getTitle(),
                r.getMeetingDate(),
                r.getChair(),
                nameOf(r.getChair()),
                r.getAttendees().stream().map(this::nameOf).toList(),
                r.getAttendees(),
                r.isHeld(),
                r.getMinutes(),
                r.getHeldBy() == null ? null : nameOf(r.getHeldBy()),
                r.getHeldAt(),
                r.isHeld() ? ReviewInputs.read(r.getInputs()) : inputs.assemble(r.getMeetingDate()),
                outputs.findByReviewIdOrderByIdAsc(r.getId()).stream()
                        .map(o -> new OutputView(
                                o.getId(),
                                ReviewOutput.ACTION.equals(o.getKind()),
                                o.getText(),
                                o.getOwner(),
                                o.getOwner() == null ? null : nameOf(o.getOwner()),
                                o.getDue(),
                                o.getDoneAt(),
                                o.getDoneNote(),
                                o.getVersion()))
                        .toList(),
                r.getVersion());
    }

    private String nextReference() {
        return AimsRecords.next("MRV", reviews.referencesStartingWith("MRV-"));
    }

    private String nameOf(String username) {
        return people.find(username).map(Person::label).orElse(username);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** A label and value; an empty value reads as a dash. */
    private static DocRow kv(String label, String value) {
        return DocRow.kv(label, value == null || value.isBlank() ? "—" : value);
    }
}
