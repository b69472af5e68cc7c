package dev.aegis.aims;

import dev.aegis.aims.AimsVocabulary.AimsRole;
import dev.aegis.aims.AuditVocabulary.AuditStatus;
import dev.aegis.aims.AuditVocabulary.CheckResult;
import dev.aegis.aims.AuditVocabulary.FindingKind;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.InventoryEvents.SystemProfile;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The internal audit programme (ISO/IEC 42001 9.2): audits planned with their scope, criteria (requirements of any
 * framework) and auditors; the checklist drawn from the criteria; findings tied to requirements; completion with a
 * conclusion, and the audit report.
 *
 * <p>Permissions, one per action: administrators and governance officers plan, change and cancel audits ({@link
 * #PLAN}); the audit's own auditors — usually people with the auditor role — start it, record the checklist and
 * findings and complete it ({@link #RECORD}, and named on the audit); officers, administrators and auditors read and
 * export ({@link AimsDocumentService#READ}). <b>Independence:</b> nobody audits their own area — an auditor who owns (as
 * business or technical owner) an AI system in the audit's scope, or holds an AIMS role whose area the audit covers
 * during the audit, is refused with the reason.
 */
@Service
@Transactional
public class InternalAuditService {

    static final String PLAN = AimsDocumentService.WRITE;
    static final String RECORD = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR')";
    private static final int MAX_TEXT = 4000;

    private final InternalAudits audits;
    private final AuditChecks checks;
    private final AuditFindings findings;
    private final RoleAssignments roles;
    private final FrameworkCatalog catalog;
    private final AiSystemService systems;
    private final UserDirectory people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditReport reportWriter;

    InternalAuditService(
            InternalAudits audits,
            AuditChecks checks,
            AuditFindings findings,
            RoleAssignments roles,
            FrameworkCatalog catalog,
            AiSystemService systems,
            UserDirectory people,
            ApplicationEventPublisher events,
            Clock clock,
            AuditReport reportWriter) {
        this.reportWriter = reportWriter;
        this.audits = audits;
        this.checks = checks;
        this.findings = findings;
        this.roles = roles;
        this.catalog = catalog;
        this.systems = systems;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** What a plan says: title, scope, the AI systems and AIMS roles whose area is audited, auditors and dates. */
    public record Plan(
            String title,
            String scope,
            List<Long> systemIds,
            List<AimsRole> auditedRoles,
            List<String> auditors,
            LocalDate plannedFrom,
            LocalDate plannedTo) {}

    /** An AI system or a person as people read them. */
    public record Named(String key, String name) {}

    /** A line of the audit programme. */
    public record AuditSummary(
            long id,
            String reference,
            String title,
            AuditStatus status,
            LocalDate plannedFrom,
            LocalDate plannedTo,
            List<Named> auditors,
            int criteria,
            int checked,
            Map<FindingKind, Long> findings,
            Instant completedAt,
            long version) {

        public String auditorNames() {
            return auditors.stream().map(Named::name).collect(Collectors.joining(", "));
        }

        /** "2 nonconformities, 1 observation" or "None". */
        public String findingsSentence() {
            return AuditVocabulary.findingsSentence(findings);
        }
    }

    /** A line of the checklist. */
    public record Check(
            long id,
            long requirementId,
            String frameworkCode,
            String framework,
            String refId,
            String requirementTitle,
            CheckResult result,
            String notes,
            String checkedBy,
            Instant checkedAt,
            long version) {

        /** "ISO/IEC 42001:2023 9.2.2 Internal audit programme" */
        public String requirement() {
            return framework + " " + refId + " " + requirementTitle;
        }
    }

    /** A finding, with the requirement it is against. */
    public record FindingView(
            long id,
            long checkId,
            FindingKind kind,
            String requirement,
            String statement,
            String evidence,
            String raisedBy,
            Instant raisedAt,
            long version) {}

    /** An audit in full. */
    public record AuditView(
            long id,
            String reference,
            String title,
            String scope,
            List<Named> systems,
            List<AimsRole> auditedRoles,
            List<Named> auditors,
            LocalDate plannedFrom,
            LocalDate plannedTo,
            AuditStatus status,
            Instant startedAt,
            Instant completedAt,
            String completedBy,
            String conclusion,
            String cancelReason,
            List<Check> checklist,
            List<FindingView> findings,
            long version) {

        public long unchecked() {
            return checklist.stream()
                    .filter(c -> c.result() == CheckResult.NOT_CHECKED)
                    .count();
        }

        public boolean isAuditor(String username) {
            return auditors.stream().anyMatch(a -> a.key().equalsIgnoreCase(username));
        }
    }

    // --- reading

    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<AuditSummary> list() {
        List<InternalAudit> all = audits.findAllByOrderByPlannedFromDescReferenceDesc();
        List<Long> ids = all.stream().map(InternalAudit::getId).toList();
        Map<Long, List<AuditCheck>> checksByAudit = checks.findAll().stream()
                .filter(c -> ids.contains(c.getAuditId()))
                .collect(Collectors.groupingBy(AuditCheck::getAuditId));
        Map<Long, List<AuditFinding>> findingsByAudit =
                findings.findByAuditIdIn(ids).stream().collect(Collectors.groupingBy(AuditFinding::getAuditId));
        return all.stream()
                .map(a -> {
                    List<AuditCheck> cs = checksByAudit.getOrDefault(a.getId(), List.of());
                    Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
                    findingsByAudit
                            .getOrDefault(a.getId(), List.of())
                            .forEach(f -> counts.merge(f.getKind(), 1L, Long::sum));
                    return new AuditSummary(
                            a.getId(),
                            a.getReference(),
                            a.getTitle(),
                            a.getStatus(),
                            a.getPlannedFrom(),
                            a.getPlannedTo(),
                            named(a.getAuditors()),
                            cs.size(),
                            (int) cs.stream()
                                    .filter(c -> c.getResult() != CheckResult.NOT_CHECKED)
                                    .count(),
                            counts,
                            a.getCompletedAt(),
                            a.getVersion());
                })
                .toList();
    }

    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public AuditView get(long id) {
        return view(find(id));
    }

    /** The frameworks whose requirements can be audit criteria. */
    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<Named> frameworks() {
        return catalog.frameworks().stream()
                .map(f -> new Named(f.code(), f.shortName()))
                .toList();
    }

    /** The requirements of a framework that can be audited (assessable ones), in catalog order. */
    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<RequirementSummary> requirementChoices(String frameworkCode) {
        return catalog.tree(frameworkCode, false).stream()
                .filter(RequirementSummary::assessable)
                .toList();
    }

    /** The AI systems an audit's scope can name. */
    @PreAuthorize(AimsDocumentService.READ)
    @Transactional(readOnly = true)
    public List<Named> systemChoices() {
        return systems.profiles().stream()
                .map(p -> new Named(String.valueOf(p.systemId()), p.name()))
                .sorted(java.util.Comparator.comparing(Named::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Whether the signed-in person may plan audits (for the screens; the service checks again). */
    public boolean mayPlan() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    /** Whether the signed-in person may record this audit: one of its auditors (the service checks again). */
    public boolean mayRecord(AuditView audit) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR") && audit.isAuditor(Actors.current());
    }

    // --- planning

    @PreAuthorize(PLAN)
    public AuditView plan(Plan plan) {
        InternalAudit a = new InternalAudit(nextReference(), Actors.current(), now());
        apply(a, plan);
        a = audits.saveAndFlush(a);
        return view(a);
    }

    @PreAuthorize(PLAN)
    public AuditView change(long id, long expectedVersion, Plan plan) {
        InternalAudit a = find(id, expectedVersion);
        apply(a, plan);
        return view(audits.saveAndFlush(a));
    }

    /**
     * Adds requirements (of any framework, by catalog id) to the audit's criteria, each a line of its checklist; a
     * requirement already among them is kept once.
     */
    @PreAuthorize(PLAN)
    public AuditView addCriteria(long id, long expectedVersion, Collection<Long> requirementIds) {
        InternalAudit a = find(id, expectedVersion);
        a.requireOpen("change its criteria");
        if (requirementIds == null || requirementIds.isEmpty()) {
            throw new DomainRuleException("requirementIds", "Choose at least one requirement as audit criterion.");
        }
        Set<Long> present = checks.findByAuditIdOrderByFrameworkCodeAscIdAsc(id).stream()
                .map(AuditCheck::getRequirementId)
                .collect(Collectors.toSet());
        List<RequirementSummary> found = catalog.requirements(new LinkedHashSet<>(requirementIds));
        if (found.size() < new LinkedHashSet<>(requirementIds).size()) {
            throw new DomainRuleException(
                    "requirementIds", "Some of the chosen requirements are not in the framework catalog any more.");
        }
        for (RequirementSummary r : found) {
            if (!present.contains(r.id())) {
                checks.save(new AuditCheck(id, r.id(), r.frameworkCode(), r.refId(), clip(r.title(), 500)));
            }
        }
        checks.flush();
        return view(a);
    }

    /** Takes a criterion off the checklist while nothing is recorded against it. */
    @PreAuthorize(PLAN)
    public AuditView removeCriterion(long id, long checkId) {
        InternalAudit a = find(id);
        a.requireOpen("change its criteria");
        AuditCheck c = check(id, checkId);
        if (c.getResult() != CheckResult.NOT_CHECKED
                || findings.findByAuditIdOrderByIdAsc(id).stream().anyMatch(f -> f.getCheckId() == checkId)) {
            throw new DomainRuleException(
                    "checkId",
                    c.getRefId() + " has a result or findings recorded already, so it stays among the criteria.");
        }
        checks.delete(c);
        checks.flush();
        return view(a);
    }

    @PreAuthorize(PLAN)
    public AuditView cancel(long id, long expectedVersion, String reason) {
        InternalAudit a = find(id, expectedVersion);
        if (reason == null || reason.isBlank()) {
            throw new DomainRuleException("reason", "Say why the audit is cancelled.");
        }
        a.cancel(clip(reason.strip(), 500));
        return view(audits.saveAndFlush(a));
    }

    // --- recording (the audit's auditors)

    @PreAuthorize(RECORD)
    public AuditView start(long id, long expectedVersion) {
        InternalAudit a = find(id, expectedVersion);
        requireAuditor(a);
        if (checks.findByAuditIdOrderByFrameworkCodeAscIdAsc(id).isEmpty()) {
            throw new DomainRuleException(
                    "criteria",
                    "Audit " + a.getReference() + " has no criteria yet: add the requirements it audits first.");
        }
        requireIndependent(
                a.getAuditors(), a.getSystemIds(), a.getAuditedRoles(), a.getPlannedFrom(), a.getPlannedTo());
        a.start(now());
        return view(audits.saveAndFlush(a));
    }

    /** Records what the auditor found for one criterion. */
    @PreAuthorize(RECORD)
    public AuditView recordCheck(long id, long checkId, long expectedVersion, CheckResult result, String notes) {
        InternalAudit a = find(id);
        requireAuditor(a);
        requireInProgress(a, "record its checklist");
        AuditCheck c = check(id, checkId);
        if (c.getVersion() != expectedVersion) {
            throw AimsRecords.stale("This checklist line", c.getVersion(), expectedVersion);
        }
        if (result == null) {
            throw new DomainRuleException("result", "Choose what you found for " + c.getRefId() + ".");
        }
        c.record(result, AimsRecords.optionalText("notes", notes, MAX_TEXT), Actors.current(), now());
        checks.saveAndFlush(c);
        return view(a);
    }

    /** Raises a finding against one of the audit's criteria. */
    @PreAuthorize(RECORD)
    public FindingView raiseFinding(long id, long checkId, FindingKind kind, String statement, String evidence) {
        InternalAudit a = find(id);
        requireAuditor(a);
        requireInProgress(a, "raise findings");
        AuditCheck c = check(id, checkId);
        if (kind == null) {
            throw new DomainRuleException(
                    "kind", "Say whether this is a nonconformity, an observation or an opportunity.");
        }
        String what = AimsRecords.optionalText("statement", statement, MAX_TEXT);
        if (what == null) {
            throw new DomainRuleException("statement", "State what you found.");
        }
        AuditFinding f = new AuditFinding(id, Actors.current(), now());
        f.describe(checkId, kind, what, AimsRecords.optionalText("evidence", evidence, MAX_TEXT));
        f = findings.saveAndFlush(f);
        return findingView(f, Map.of(c.getId(), c));
    }

    /**
     * Completes the audit with its conclusion: every criterion of the checklist has a result by then. A completed
     * audit of the last twelve months meets ISO/IEC 42001 9.2.
     */
    @PreAuthorize(RECORD)
    public AuditView complete(long id, long expectedVersion, String conclusion) {
        InternalAudit a = find(id, expectedVersion);
        requireAuditor(a);
        String text = AimsRecords.optionalText("conclusion", conclusion, MAX_TEXT);
        if (text == null) {
            throw new DomainRuleException("conclusion", "Write the audit's conclusion before completing it.");
        }
        List<AuditCheck> open = checks.findByAuditIdOrderByFrameworkCodeAscIdAsc(id).stream()
                .filter(c -> c.getResult() == CheckResult.NOT_CHECKED)
                .toList();
        if (!open.isEmpty()) {
            throw new DomainRuleException(
                    "conclusion",
                    "Record a result for every criterion first: "
                            + open.stream().map(AuditCheck::getRefId).collect(Collectors.joining(", "))
                            + (open.size() == 1 ? " has" : " have") + " none yet.");
        }
        a.complete(Actors.current(), now(), text);
        return view(audits.saveAndFlush(a));
    }

    // --- exports

    @PreAuthorize(AimsDocumentService.EXPORT)
    // not read-only: the export is written to the audit log
    public void export(TabularFormat format, OutputStream out) {
        try (TableWriter w = TableWriter.open(
                format,
                out,
                List.of(
                        "Reference",
                        "Title",
                        "Status",
                        "Planned from",
                        "Planned to",
                        "Auditors",
                        "Criteria",
                        "Checked",
                        "Nonconformities",
                        "Observations",
                        "Opportunities",
                        "Completed"))) {
            for (AuditSummary s : list()) {
                w.row(Arrays.asList(
                        s.reference(),
                        s.title(),
                        s.status().label(),
                        s.plannedFrom(),
                        s.plannedTo(),
                        s.auditorNames(),
                        s.criteria(),
                        s.checked(),
                        s.findings().getOrDefault(FindingKind.NONCONFORMITY, 0L),
                        s.findings().getOrDefault(FindingKind.OBSERVATION, 0L),
                        s.findings().getOrDefault(FindingKind.OPPORTUNITY, 0L),
                        s.completedAt() == null ? null : Dates.minute(s.completedAt())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(new AimsEvents.RegisterExported("internal-audits", format.name()));
    }

    /** The audit report as a PDF (scope, criteria, checklist, findings, conclusion); written to the audit log. */
    @PreAuthorize(AimsDocumentService.EXPORT)
    public void report(long id, OutputStream out) {
        AuditView a = get(id);
        reportWriter.write(a, out);
        events.publishEvent(new AimsEvents.RegisterExported("internal audit report " + a.reference(), "PDF"));
    }

    // --- rules

    private void apply(InternalAudit a, Plan in) {
        if (in == null) {
            throw new DomainRuleException("title", "Give the audit a title.");
        }
        String title = AimsRecords.optionalText("title", in.title(), 200);
        if (title == null) {
            throw new DomainRuleException("title", "Give the audit a title.");
        }
        String scope = AimsRecords.optionalText("scope", in.scope(), MAX_TEXT);
        if (scope == null) {
            throw new DomainRuleException("scope", "Say what the audit covers (its scope).");
        }
        if (in.plannedFrom() == null) {
            throw new DomainRuleException("plannedFrom", "Give the day the audit starts.");
        }
        LocalDate to = in.plannedTo() == null ? in.plannedFrom() : in.plannedTo();
        if (to.isBefore(in.plannedFrom())) {
            throw new DomainRuleException("plannedTo", "The audit cannot end before it starts.");
        }
        List<String> auditors = new ArrayList<>();
        for (String name : in.auditors() == null ? List.<String>of() : in.auditors()) {
            String known = people.requireKnown("auditors", "auditor", name);
            if (known != null && auditors.stream().noneMatch(known::equalsIgnoreCase)) {
                auditors.add(known);
            }
        }
        if (auditors.isEmpty()) {
            throw new DomainRuleException("auditors", "Name at least one auditor.");
        }
        List<Long> systemIds = in.systemIds() == null
                ? List.of()
                : in.systemIds().stream().distinct().toList();
        Map<Long, String> known = systems.names(systemIds);
        if (known.size() < systemIds.size()) {
            throw new DomainRuleException(
                    "systemIds", "Some of the chosen AI systems are not in the inventory any more.");
        }
        List<AimsRole> audited = in.auditedRoles() == null
                ? List.of()
                : in.auditedRoles().stream().distinct().sorted().toList();
        requireIndependent(auditors, systemIds, audited, in.plannedFrom(), to);
        a.plan(title, scope, systemIds, audited, auditors, in.plannedFrom(), to);
    }

    /**
     * ISO/IEC 42001 9.2.2 asks auditors to be objective and impartial: nobody audits their own area. Refused when an
     * auditor is the business or technical owner of an AI system in scope, or holds an audited AIMS role at any time
     * during the audit.
     */
    void requireIndependent(
            List<String> auditors, List<Long> systemIds, List<AimsRole> auditedRoles, LocalDate from, LocalDate to) {
        if (!systemIds.isEmpty()) {
            Map<Long, SystemProfile> profiles =
                    systems.profiles().stream().collect(Collectors.toMap(SystemProfile::systemId, Function.identity()));
            for (String auditor : auditors) {
                for (Long sid : systemIds) {
                    SystemProfile p = profiles.get(sid);
                    if (p != null
                            && (auditor.equalsIgnoreCase(p.businessOwner())
                                    || auditor.equalsIgnoreCase(p.technicalOwner()))) {
                        throw new DomainRuleException(
                                "auditors",
                                nameOf(auditor) + " owns the AI system \"" + p.name() + "\", which this audit covers:"
                                        + " an auditor may not audit their own area (ISO/IEC 42001 9.2.2). Choose"
                                        + " another auditor or take the system out of the scope.");
                    }
                }
            }
        }
        if (!auditedRoles.isEmpty()) {
            for (RoleAssignment r : roles.findAll()) {
                boolean overlaps = !r.getSince().isAfter(to)
                        && (r.getUntil() == null || !r.getUntil().isBefore(from));
                if (overlaps
                        && auditedRoles.contains(r.getRole())
                        && auditors.stream().anyMatch(x -> x.equalsIgnoreCase(r.getUsername()))) {
                    throw new DomainRuleException(
                            "auditors",
                            nameOf(r.getUsername()) + " holds the AIMS role \""
                                    + r.getRole().label()
                                    + "\", whose area this audit covers: an auditor may not audit their own area"
                                    + " (ISO/IEC 42001 9.2.2). Choose another auditor or leave the role out of the"
                                    + " scope.");
                }
            }
        }
    }

    private void requireAuditor(InternalAudit a) {
        String me = Actors.current();
        if (a.getAuditors().stream().noneMatch(x -> x.equalsIgnoreCase(me))) {
            throw new DomainRuleException(
                    "auditors",
                    "Only the auditors of " + a.getReference() + " ("
                            + a.getAuditors().stream().map(this::nameOf).collect(Collectors.joining(", "))
                            + ") record it. Ask an officer to name you as an auditor if you run it.");
        }
    }

    private static void requireInProgress(InternalAudit a, String what) {
        if (a.getStatus() != AuditStatus.IN_PROGRESS) {
            throw new DomainRuleException(
                    "status",
                    "Audit " + a.getReference() + " is " + a.getStatus().label().toLowerCase(Locale.ROOT)
                            + ", so you cannot " + what
                            + (a.getStatus() == AuditStatus.PLANNED ? ": start it first." : "."));
        }
    }

    private InternalAudit find(long id) {
        return audits.findById(id).orElseThrow(() -> new NotFoundException("No internal audit " + id));
    }

    private InternalAudit find(long id, long expectedVersion) {
        InternalAudit a = find(id);
        if (a.getVersion() != expectedVersion) {
            throw AimsRecords.stale("Audit " + a.getReference(), a.getVersion(), expectedVersion);
        }
        return a;
    }

    private AuditCheck check(long auditId, long checkId) {
        AuditCheck c =
                checks.findById(checkId).orElseThrow(() -> new NotFoundException("No checklist line " + checkId));
        if (c.getAuditId() != auditId) {
            throw new NotFoundException("No checklist line " + checkId + " in this audit");
        }
        return c;
    }

    private String nextReference() {
        return AimsRecords.next("AUD", audits.referencesStartingWith("AUD-"));
    }

    private AuditView view(InternalAudit a) {
        List<AuditCheck> cs = checks.findByAuditIdOrderByFrameworkCodeAscIdAsc(a.getId());
        Map<Long, AuditCheck> byId = cs.stream().collect(Collectors.toMap(AuditCheck::getId, Function.identity()));
        Map<String, String> frameworkNames = frameworkNames();
        Map<Long, String> systemNames = systems.names(a.getSystemIds());
        return new AuditView(
                a.getId(),
                a.getReference(),
                a.getTitle(),
                a.getScope(),
                a.getSystemIds().stream()
                        .map(s -> new Named(
                                String.valueOf(s), systemNames.getOrDefault(s, "AI system " + s + " (removed)")))
                        .toList(),
                a.getAuditedRoles(),
                named(a.getAuditors()),
                a.getPlannedFrom(),
                a.getPlannedTo(),
                a.getStatus(),
                a.getStartedAt(),
                a.getCompletedAt(),
                a.getCompletedBy() == null ? null : nameOf(a.getCompletedBy()),
                a.getConclusion(),
                a.getCancelReason(),
                cs.stream()
                        .map(c -> new Check(
                                c.getId(),
                                c.getRequirementId(),
                                c.getFrameworkCode(),
                                frameworkNames.getOrDefault(c.getFrameworkCode(), c.getFrameworkCode()),
                                c.getRefId(),
                                c.getRequirementTitle(),
                                c.getResult(),
                                c.getNotes(),
                                c.getCheckedBy() == null ? null : nameOf(c.getCheckedBy()),
                                c.getCheckedAt(),
                                c.getVersion()))
                        .toList(),
                findings.findByAuditIdOrderByIdAsc(a.getId()).stream()
                        .map(f -> findingView(f, byId))
                        .toList(),
                a.getVersion());
    }

    private FindingView findingView(AuditFinding f, Map<Long, AuditCheck> checksById) {
        AuditCheck c = checksById.get(f.getCheckId());
        String requirement = c == null
                ? ""
                : FrameworkSummary.shortName(c.getFrameworkCode(), c.getFrameworkCode()) + " " + c.getRefId() + " "
                        + c.getRequirementTitle();
        return new FindingView(
                f.getId(),
                f.getCheckId(),
                f.getKind(),
                requirement,
                f.getStatement(),
                f.getEvidence(),
                nameOf(f.getRaisedBy()),
                f.getRaisedAt(),
                f.getVersion());
    }

    private Map<String, String> frameworkNames() {
        return catalog.frameworks().stream()
                .collect(Collectors.toMap(FrameworkSummary::code, FrameworkSummary::shortName, (x, y) -> x));
    }

    private List<Named> named(List<String> usernames) {
        return usernames.stream().map(u -> new Named(u, nameOf(u))).toList();
    }

    private String nameOf(String username) {
        return people.find(username).map(Person::label).orElse(username);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private Instant now() {
        return Instant.now(clock);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
