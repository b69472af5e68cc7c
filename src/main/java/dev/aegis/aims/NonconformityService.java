package dev.aegis.aims;

import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.aims.CorrectionVocabulary.NcKind;
import dev.aegis.aims.CorrectionVocabulary.NcSource;
import dev.aegis.aims.CorrectionVocabulary.NcStatus;
import dev.aegis.finding.FindingService;
import dev.aegis.notification.Notifications;
import dev.aegis.shared.Actors;
import dev.aegis.shared.Dates;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.UserDirectory.Person;
import dev.aegis.shared.tabular.TableWriter;
import dev.aegis.shared.tabular.TabularFormat;
import dev.aegis.vendor.AssessmentService;
import dev.aegis.vendor.VendorService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nonconformity and corrective action (ISO/IEC 42001 10.1, 10.2): raised from an internal audit finding, a telemetry
 * finding, a vendor assessment or by hand; contained, its root cause found, corrected through actions with owners and
 * due dates, and closed only by an effectiveness check made by someone who owns none of its actions. Improvement
 * opportunities are kept the same way.
 *
 * <p>Permissions: administrators and governance officers raise, treat and check ({@link #WRITE}); an action's owner
 * marks their own action done ({@link #ACT}); auditors read and export ({@link AimsDocumentService#READ}), and may raise
 * a nonconformity from a finding of an audit they ran.
 */
@Service
@Transactional
public class NonconformityService {

    static final String WRITE = AimsDocumentService.WRITE;
    static final String RAISE = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    static final String ACT = "isAuthenticated()";
    /** The system actor's permission to remind owners of actions due. */
    public static final String SYSTEM_REMIND = "SYSTEM:aims.remind";

    /** Actions due within this many days (or overdue) are reminded of, once a day. */
    static final int REMIND_DAYS_AHEAD = 7;

    private static final int MAX_TEXT = 4000;

    private final Nonconformities ncs;
    private final CorrectiveActions actions;
    private final AuditFindings auditFindings;
    private final InternalAudits audits;
    private final FindingService telemetryFindings;
    private final AssessmentService assessments;
    private final VendorService vendors;
    private final Notifications notifications;
    private final UserDirectory people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NonconformityService(
            Nonconformities ncs,
            CorrectiveActions actions,
            AuditFindings auditFindings,
            InternalAudits audits,
            FindingService telemetryFindings,
            AssessmentService assessments,
            VendorService vendors,
            Notifications notifications,
            UserDirectory people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.ncs = ncs;
        this.actions = actions;
        this.auditFindings = auditFindings;
        this.audits = audits;
        this.telemetryFindings = telemetryFindings;
        this.assessments = assessments;
        this.vendors = vendors;
        this.notifications = notifications;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** What a nonconformity says when raised or changed. */
    public record Details(NcKind kind, String title, String description, String owner) {}

    /** A corrective action as planned. */
    public record ActionPlan(String description, String owner, LocalDate due) {}

    public record ActionView(
            long id,
            String description,
            String owner,
            String ownerName,
            LocalDate due,
            Instant doneAt,
            String doneNote,
            boolean overdue,
            long version) {}

    public record NcSummary(
            long id,
            String reference,
            NcKind kind,
            String title,
            NcSource source,
            String sourceLabel,
            String ownerName,
            NcStatus status,
            int actions,
            int actionsDone,
            LocalDate nextDue,
            Instant raisedAt,
            Instant closedAt,
            long version) {}

    public record NcView(
            long id,
            String reference,
            NcKind kind,
            String title,
            String description,
            NcSource source,
            Long sourceId,
            String sourceLabel,
            String owner,
            String ownerName,
            NcStatus status,
            String containment,
            String rootCause,
            String effectivenessBy,
            Instant effectivenessAt,
            String effectivenessNote,
            Instant closedAt,
            String raisedBy,
            Instant raisedAt,
            List<ActionView> actions,
            long version) {

        /** The people who own an action: none of them may check effectiveness. */
        public boolean ownsAnAction(String username) {
            return actions.stream().anyMatch(a -> a.owner().equalsIgnoreCase(username));
        }
    }

    // --- reading

    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<NcSummary> list() {
        List<Nonconformity> all = ncs.findAllByOrderByRaisedAtDesc();
        Map<Long, List<CorrectiveAction>> byNc =
                actions
                        .findByNonconformityIdIn(
                                all.stream().map(Nonconformity::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(CorrectiveAction::getNonconformityId));
        return all.stream()
                .map(n -> {
                    List<CorrectiveAction> as = byNc.getOrDefault(n.getId(), List.of());
                    return new NcSummary(
                            n.getId(),
                            n.getReference(),
                            n.getKind(),
                            n.getTitle(),
                            n.getSource(),
                            n.getSourceLabel(),
                            nameOf(n.getOwner()),
                            n.getStatus(),
                            as.size(),
                            (int) as.stream().filter(a -> a.getDoneAt() != null).count(),
                            as.stream()
                                    .filter(a -> a.getDoneAt() == null)
                                    .map(CorrectiveAction::getDue)
                                    .min(LocalDate::compareTo)
                                    .orElse(null),
                            n.getRaisedAt(),
                            n.getClosedAt(),
                            n.getVersion());
                })
                .toList();
    }

    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public NcView get(long id) {
        return view(find(id));
    }

    public boolean mayWrite() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    // --- raising

    @PreAuthorize(WRITE)
    public NcView raise(Details details) {
        Nonconformity n = new Nonconformity(nextReference(), NcSource.MANUAL, null, null, Actors.current(), now());
        apply(n, details);
        return view(ncs.saveAndFlush(n));
    }

    /**
     * Raises a nonconformity (or, for an opportunity, an improvement) from an internal audit finding; the auditors of
     * that audit may do it too. One per finding.
     */
    @PreAuthorize(RAISE)
    public NcView raiseFromAuditFinding(long findingId, String owner) {
        AuditFinding f = auditFindings
                .findById(findingId)
                .orElseThrow(() -> new NotFoundException("No audit finding " + findingId));
        InternalAudit audit = audits.findById(f.getAuditId()).orElseThrow();
        if (!mayWrite() && audit.getAuditors().stream().noneMatch(a -> a.equalsIgnoreCase(Actors.current()))) {
            throw new DomainRuleException(
                    "findingId",
                    "Only officers or the auditors of " + audit.getReference() + " raise from its findings.");
        }
        requireNotRaised(NcSource.AUDIT_FINDING, findingId);
        NcKind kind = f.getKind() == FindingKind.NONCONFORMITY ? NcKind.NONCONFORMITY : NcKind.IMPROVEMENT;
        String label = "Internal audit " + audit.getReference() + ": "
                + f.getKind().label().toLowerCase(Locale.ROOT) + " — " + clip(f.getStatement(), 300);
        Nonconformity n =
                new Nonconformity(nextReference(), NcSource.AUDIT_FINDING, findingId, label, Actors.current(), now());
        apply(n, new Details(kind, clip(firstSentence(f.getStatement()), 200), f.getStatement(), owner));
        return view(ncs.saveAndFlush(n));
    }

    /** Raises a nonconformity from a telemetry finding (the finding module's), read through its service. */
    @PreAuthorize(WRITE)
    public NcView raiseFromTelemetryFinding(long findingId, String owner) {
        return raiseFromTelemetryFinding(findingId, null, null, owner);
    }

    /**
     * As {@link #raiseFromTelemetryFinding(long, String)}, with the title and description the officer gave on the
     * screen; blank ones are the finding's ({@link #proposeFromTelemetryFinding}).
     */
    @PreAuthorize(WRITE)
    public NcView raiseFromTelemetryFinding(long findingId, String title, String description, String owner) {
        Details proposed = proposeFromTelemetryFinding(findingId);
        requireNotRaised(NcSource.TELEMETRY_FINDING, findingId);
        var f = telemetryFindings.get(findingId);
        String label = "Telemetry finding #" + findingId + ": " + clip(f.getTitle(), 300);
        Nonconformity n = new Nonconformity(
                nextReference(), NcSource.TELEMETRY_FINDING, findingId, label, Actors.current(), now());
        apply(
                n,
                new Details(
                        NcKind.NONCONFORMITY,
                        title == null || title.isBlank() ? proposed.title() : title,
                        description == null || description.isBlank() ? proposed.description() : description,
                        owner));
        return view(ncs.saveAndFlush(n));
    }

    /** What a nonconformity raised from a telemetry finding says unless the officer words it otherwise. */
    @PreAuthorize(WRITE)
    @Transactional(readOnly = true)
    public Details proposeFromTelemetryFinding(long findingId) {
        var f = telemetryFindings.get(findingId);
        return new Details(
                NcKind.NONCONFORMITY,
                clip(f.getTitle(), 200),
                "Raised from the telemetry finding \"" + f.getTitle() + "\" (first seen "
                        + Dates.minute(f.getFirstSeen()) + ").",
                null);
    }

    /** What a nonconformity raised from a vendor assessment says unless the officer words it otherwise. */
    @PreAuthorize(WRITE)
    @Transactional(readOnly = true)
    public Details proposeFromVendorAssessment(long assessmentId) {
        var a = assessments.get(assessmentId);
        String vendor = vendors.get(a.getVendorId()).getName();
        String label = vendorLabel(vendor, a.getCreatedAt());
        return new Details(
                NcKind.NONCONFORMITY,
                clip("Shortfalls of " + vendor + "'s assessment", 200),
                "Raised from the " + label.substring(0, 1).toLowerCase(Locale.ROOT) + label.substring(1)
                        + ": its shortfalls are to be corrected.",
                null);
    }

    private static String vendorLabel(String vendor, java.time.Instant createdAt) {
        return "Vendor assessment of " + vendor + " (" + Dates.minute(createdAt).substring(0, 10) + ")";
    }

    /** Raises a nonconformity from a vendor assessment (its shortfalls), read through the vendor module's service. */
    @PreAuthorize(WRITE)
    public NcView raiseFromVendorAssessment(long assessmentId, String title, String description, String owner) {
        Details proposed = proposeFromVendorAssessment(assessmentId);
        var a = assessments.get(assessmentId);
        String label = vendorLabel(vendors.get(a.getVendorId()).getName(), a.getCreatedAt());
        Nonconformity n = new Nonconformity(
                nextReference(), NcSource.VENDOR_ASSESSMENT, assessmentId, label, Actors.current(), now());
        // like the other sources, the record names itself when no title is given
        apply(
                n,
                new Details(
                        NcKind.NONCONFORMITY,
                        title == null || title.isBlank() ? proposed.title() : title,
                        description == null || description.isBlank() ? proposed.description() : description,
                        owner));
        return view(ncs.saveAndFlush(n));
    }

    @PreAuthorize(WRITE)
    public NcView change(long id, long expectedVersion, Details details) {
        Nonconformity n = find(id, expectedVersion);
        apply(n, details);
        return view(ncs.saveAndFlush(n));
    }

    /** Records the containment (what was done at once) and the root cause found. */
    @PreAuthorize(WRITE)
    public NcView treat(long id, long expectedVersion, String containment, String rootCause) {
        Nonconformity n = find(id, expectedVersion);
        n.treat(
                AimsRecords.optionalText("containment", containment, MAX_TEXT),
                AimsRecords.optionalText("rootCause", rootCause, MAX_TEXT));
        return view(ncs.saveAndFlush(n));
    }

    @PreAuthorize(WRITE)
    public NcView addAction(long id, ActionPlan plan) {
        Nonconformity n = find(id);
        n.requireOpen("add actions");
        CorrectiveAction a = new CorrectiveAction(id, Actors.current(), now());
        apply(a, plan);
        actions.saveAndFlush(a);
        n.actionAdded();
        ncs.saveAndFlush(n);
        return view(n);
    }

    @PreAuthorize(WRITE)
    public NcView changeAction(long id, long actionId, long expectedVersion, ActionPlan plan) {
        Nonconformity n = find(id);
        n.requireOpen("change its actions");
        CorrectiveAction a = action(id, actionId, expectedVersion);
        apply(a, plan);
        actions.saveAndFlush(a);
        return view(n);
    }

    /** The action's owner (or an officer) marks it done. */
    @PreAuthorize(ACT)
    public NcView actionDone(long id, long actionId, long expectedVersion, String note) {
        Nonconformity n = find(id);
        n.requireOpen("change its actions");
        CorrectiveAction a = action(id, actionId, expectedVersion);
        if (!mayWrite() && !a.getOwner().equalsIgnoreCase(Actors.current())) {
            throw new DomainRuleException(
                    "doneNote", "Only the action's owner (" + nameOf(a.getOwner()) + ") or an officer marks it done.");
        }
        a.done(now(), AimsRecords.optionalText("doneNote", note, 2000));
        actions.saveAndFlush(a);
        return view(n);
    }

    /**
     * The effectiveness check (10.2 e): by someone who owns none of the actions. Effective closes the nonconformity —
     * only once every action is done and, for a nonconformity, its root cause is recorded; not effective keeps it in
     * treatment with the note (add further actions).
     */
    @PreAuthorize(WRITE)
    public NcView checkEffectiveness(long id, long expectedVersion, boolean effective, String note) {
        Nonconformity n = find(id, expectedVersion);
        List<CorrectiveAction> as = actions.findByNonconformityIdOrderByDueAscIdAsc(id);
        String me = Actors.current();
        as.stream().filter(a -> a.getOwner().equalsIgnoreCase(me)).findFirst().ifPresent(a -> {
            throw new DomainRuleException(
                    "effectiveness",
                    "You own the action \"" + clip(a.getDescription(), 80) + "\", so someone else must check that the"
                            + " corrective action was effective (ISO/IEC 42001 10.2).");
        });
        String why = AimsRecords.optionalText("effectivenessNote", note, MAX_TEXT);
        if (why == null) {
            throw new DomainRuleException("effectivenessNote", "Say how you checked the effectiveness.");
        }
        if (effective) {
            if (n.getKind() == NcKind.NONCONFORMITY && as.isEmpty()) {
                throw new DomainRuleException(
                        "effectiveness",
                        "Plan at least one corrective action before closing " + n.getReference() + ".");
            }
            List<CorrectiveAction> open =
                    as.stream().filter(a -> a.getDoneAt() == null).toList();
            if (!open.isEmpty()) {
                throw new DomainRuleException(
                        "effectiveness",
                        open.size() + (open.size() == 1 ? " action is" : " actions are")
                                + " not done yet; close the nonconformity once every action is done.");
            }
            if (n.getKind() == NcKind.NONCONFORMITY && n.getRootCause() == null) {
                throw new DomainRuleException(
                        "rootCause", "Record the root cause before closing " + n.getReference() + ".");
            }
        }
        n.checked(effective, me, now(), why);
        return view(ncs.saveAndFlush(n));
    }

    @PreAuthorize(AimsDocumentService.EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of(
                        "Reference",
                        "Kind",
                        "Title",
                        "Source",
                        "Owner",
                        "Status",
                        "Actions",
                        "Actions done",
                        "Next due",
                        "Raised",
                        "Closed"))) {
            for (NcSummary s : list()) {
                w.row(Arrays.asList(
                        s.reference(),
                        s.kind().label(),
                        s.title(),
                        s.sourceLabel() == null ? s.source().label() : s.sourceLabel(),
                        s.ownerName(),
                        s.status().label(),
                        s.actions(),
                        s.actionsDone(),
                        s.nextDue(),
                        Dates.minute(s.raisedAt()),
                        s.closedAt() == null ? null : Dates.minute(s.closedAt())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("nonconformities", format.name()));
    }

    /**
     * Tells each owner of an open action due within {@link #REMIND_DAYS_AHEAD} days (or overdue), once a day, through
     * the notifications; as the system actor with {@link #SYSTEM_REMIND}.
     */
    @PreAuthorize("hasAuthority('" + SYSTEM_REMIND + "')")
    public int remindActionsDue() {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        int sent = 0;
        for (CorrectiveAction a : actions.dueForReminder(today.plusDays(REMIND_DAYS_AHEAD), today)) {
            Nonconformity n = ncs.findById(a.getNonconformityId()).orElse(null);
            if (n == null || n.getStatus() == NcStatus.CLOSED) {
                continue;
            }
            boolean overdue = a.getDue().isBefore(today);
            sent += notifications.send(
                    List.of(a.getOwner()),
                    new Notifications.Message(
                            "aims.action-due",
                            (overdue ? "Overdue: " : "Due " + Dates.day(a.getDue()) + ": ") + "corrective action of "
                                    + n.getReference(),
                            clip(a.getDescription(), 500) + " (" + n.getReference() + " " + n.getTitle() + ", due "
                                    + Dates.day(a.getDue()) + ")",
                            "aims/nonconformity/" + n.getId()));
            a.reminded(today);
        }
        return sent;
    }

    // --- rules

    private void apply(Nonconformity n, Details in) {
        if (in == null || in.kind() == null) {
            throw new DomainRuleException("kind", "Say whether this is a nonconformity or an improvement opportunity.");
        }
        String title = AimsRecords.optionalText("title", in.title(), 200);
        if (title == null) {
            throw new DomainRuleException("title", "Give it a title.");
        }
        String description = AimsRecords.optionalText("description", in.description(), MAX_TEXT);
        if (description == null) {
            throw new DomainRuleException("description", "Describe what does not conform (or what could improve).");
        }
        if (in.owner() == null || in.owner().isBlank()) {
            throw new DomainRuleException("owner", "Choose who owns its correction.");
        }
        String owner = people.requireKnown("owner", "owner", in.owner(), n.getOwner());
        n.describe(in.kind(), title, description, owner);
    }

    private void apply(CorrectiveAction a, ActionPlan in) {
        String what = AimsRecords.optionalText("description", in == null ? null : in.description(), 2000);
        if (what == null) {
            throw new DomainRuleException("description", "Say what the action is.");
        }
        if (in.owner() == null || in.owner().isBlank()) {
            throw new DomainRuleException("owner", "Choose who does the action.");
        }
        String owner = people.requireKnown("owner", "action owner", in.owner(), a.getOwner());
        if (in.due() == null) {
            throw new DomainRuleException("due", "Give the action a due date.");
        }
        a.plan(what, owner, in.due());
    }

    private void requireNotRaised(NcSource source, long id) {
        ncs.findFirstBySourceAndSourceId(source, id).ifPresent(n -> {
            throw new DomainRuleException("findingId", n.getReference() + " was raised from it already.");
        });
    }

    private Nonconformity find(long id) {
        return ncs.findById(id).orElseThrow(() -> new NotFoundException("No nonconformity " + id));
    }

    private Nonconformity find(long id, long expectedVersion) {
        Nonconformity n = find(id);
        if (n.getVersion() != expectedVersion) {
            throw AimsRecords.stale(n.getReference(), n.getVersion(), expectedVersion);
        }
        return n;
    }

    private CorrectiveAction action(long ncId, long actionId, long expectedVersion) {
        CorrectiveAction a = actions.findById(actionId)
                .filter(x -> x.getNonconformityId() == ncId)
                .orElseThrow(() -> new NotFoundException("No action " + actionId + " of this nonconformity"));
        if (a.getVersion() != expectedVersion) {
            throw AimsRecords.stale("This action", a.getVersion(), expectedVersion);
        }
        return a;
    }

    private String nextReference() {
        return AimsRecords.next("NC", ncs.referencesStartingWith("NC-"));
    }

    private NcView view(Nonconformity n) {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        return new NcView(
                n.getId(),
                n.getReference(),
                n.getKind(),
                n.getTitle(),
                n.getDescription(),
                n.getSource(),
                n.getSourceId(),
                n.getSourceLabel(),
                n.getOwner(),
                nameOf(n.getOwner()),
                n.getStatus(),
                n.getContainment(),
                n.getRootCause(),
                n.getEffectivenessBy() == null ? null : nameOf(n.getEffectivenessBy()),
                n.getEffectivenessAt(),
                n.getEffectivenessNote(),
                n.getClosedAt(),
                nameOf(n.getRaisedBy()),
                n.getRaisedAt(),
                actions.findByNonconformityIdOrderByDueAscIdAsc(n.getId()).stream()
                        .map(a -> new ActionView(
                                a.getId(),
                                a.getDescription(),
                                a.getOwner(),
                                nameOf(a.getOwner()),
                                a.getDue(),
                                a.getDoneAt(),
                                a.getDoneNote(),
                                a.getDoneAt() == null && a.getDue().isBefore(today),
                                a.getVersion()))
                        .toList(),
                n.getVersion());
    }

    private String nameOf(String username) {
        return username == null
                ? null
                : people.find(username).map(Person::label).orElse(username);
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        int colon = s.indexOf(": ");
        int cut = dot < 0 ? colon : colon < 0 ? dot : Math.min(dot, colon);
        return cut > 20 ? s.substring(0, cut) : s;
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
