package dev.aegis.finding;

import dev.aegis.control.Control;
import dev.aegis.control.ControlService;
import dev.aegis.finding.Finding.BreachEffect;
import dev.aegis.finding.Finding.Cause;
import dev.aegis.finding.FindingEvents.FindingAccepted;
import dev.aegis.finding.FindingEvents.FindingInvestigated;
import dev.aegis.finding.FindingEvents.FindingOccurred;
import dev.aegis.finding.FindingEvents.FindingOpened;
import dev.aegis.finding.FindingEvents.FindingRecovered;
import dev.aegis.finding.FindingEvents.FindingReopened;
import dev.aegis.finding.FindingEvents.FindingResolved;
import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.MonitorAlertObserved;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings register. Administrators, governance officers and auditors read every finding; a system owner reads
 * only the findings of the systems they own — the queries themselves say so, not just the screens. Officers and
 * administrators move any finding through its workflow, a system owner those of their systems; only officers and
 * administrators accept one; auditors read. Every step names the version it was made against.
 *
 * <p>The telemetry loop feeds it through {@link TelemetryListener}: a failed test or an alert seen open opens a
 * finding for its cause or adds to the one there is, a passing result is recorded as a recovery. See docs/findings.md.
 */
@Service
@Transactional
public class FindingService {

    static final String READERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','SYSTEM_OWNER')";
    static final String ACTORS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','SYSTEM_OWNER')";
    static final String OFFICERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    /** The system actor's permission to record what the telemetry loop found. */
    public static final String SYSTEM_RECORD = "SYSTEM:finding.record";

    static final String SYSTEM_ONLY = "hasAuthority('" + SYSTEM_RECORD + "')";
    /** What the system actor holds while it records a finding (it flags the risks with a permission of its own). */
    static final Set<String> RECORDING = Set.of(SYSTEM_RECORD);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FindingService.class);
    private final Findings findings;
    private final Occurrences occurrences;
    private final ControlTestStatuses testStatuses;
    private final AiSystemService systems;
    private final ControlService controls;
    private final RiskService risks;
    private final FindingNotices notices;
    private final EntityManager em;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FindingService(
            Findings findings,
            Occurrences occurrences,
            ControlTestStatuses testStatuses,
            AiSystemService systems,
            ControlService controls,
            RiskService risks,
            FindingNotices notices,
            EntityManager em,
            ApplicationEventPublisher events,
            Clock clock) {
        this.findings = findings;
        this.occurrences = occurrences;
        this.testStatuses = testStatuses;
        this.systems = systems;
        this.controls = controls;
        this.risks = risks;
        this.notices = notices;
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /** Filters for the register; null means any. */
    public record Filter(State state, Severity severity, Long system, Boolean open) {
        public static Filter none() {
            return new Filter(null, null, null, null);
        }

        public static Filter ofSystem(long systemId) {
            return new Filter(null, null, systemId, null);
        }
    }

    /** Open findings (open or investigating) per severity, every severity present. */
    public record SeverityCounts(Map<Severity, Long> counts) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Breaches on one day (UTC). */
    public record DayCount(LocalDate day, long breaches) {}

    /** Controls (applied to systems) whose latest telemetry test results all passed, any failed, or gave no data. */
    public record ControlTestFigures(
            long controlsPassing,
            long controlsFailing,
            long controlsWithoutData,
            long testsPassing,
            long testsFailing,
            long testsWithoutData) {
        public long tests() {
            return testsPassing + testsFailing + testsWithoutData;
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Finding> search(Filter filter, Pageable page) {
        return findings.findAll(specification(filter).and(visible()), stable(page));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return findings.count(specification(filter).and(visible()));
    }

    /** One finding; a system owner's request for a finding of another's system is answered as not found. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Finding get(long id) {
        return findings.findOne(Specification.<Finding>where((f, q, cb) -> cb.equal(f.get("id"), id))
                        .and(visible()))
                .orElseThrow(() -> new NotFoundException("No finding " + id));
    }

    /** The finding's timeline, oldest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Occurrence> occurrences(long id) {
        get(id);
        return occurrences.findByFindingIdOrderByAtAscIdAsc(id);
    }

    /** Whether the signed-in user may move this finding through its workflow (for the screens; the steps check again). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayAct(long id) {
        return mayManage() || (Actors.hasAnyRole("SYSTEM_OWNER") && ownsSystemOf(get(id)));
    }

    /** Whether the signed-in user may accept findings: governance officers and administrators. */
    public boolean mayAccept() {
        return mayManage();
    }

    // ---- the workflow -----------------------------------------------------------------------------------------

    /** open → investigating, with an optional note on how. */
    @PreAuthorize(ACTORS)
    public Finding investigate(long id, long expectedVersion, String note) {
        Finding f = actionable(id, expectedVersion);
        f.investigate(note, Actors.current(), clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingInvestigated(id, f.getInvestigationNote()));
        return f;
    }

    /** open or investigating → resolved: the root cause and the action taken are required. */
    @PreAuthorize(ACTORS)
    public Finding resolve(long id, long expectedVersion, String rootCause, String actionTaken) {
        Finding f = actionable(id, expectedVersion);
        f.resolve(rootCause, actionTaken, Actors.current(), clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingResolved(id, f.getRootCause(), f.getActionTaken()));
        return f;
    }

    /** open or investigating → accepted, approved by the caller (a governance officer or administrator), with why. */
    @PreAuthorize(OFFICERS)
    public Finding accept(long id, long expectedVersion, String rationale) {
        Finding f = actionable(id, expectedVersion);
        f.accept(rationale, Actors.current(), clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingAccepted(id, f.getAcceptedBy(), f.getAcceptanceRationale()));
        return f;
    }

    /** resolved or accepted → open, with the reason. People are told as when it first opened. */
    @PreAuthorize(ACTORS)
    public Finding reopen(long id, long expectedVersion, String reason) {
        Finding f = actionable(id, expectedVersion);
        f.reopen(reason, clock.instant());
        findings.saveAndFlush(f);
        events.publishEvent(new FindingReopened(id, f.getReopenReason(), false));
        AiSystem system = systems.get(f.getSystemId());
        Control control = f.getControlId() == null
                ? null
                : controls.get(List.of(f.getControlId())).stream().findFirst().orElse(null);
        afterOpening(
                f,
                false,
                new SystemFacts(
                        system.getId(), system.getName(), system.getBusinessOwner(), system.getTechnicalOwner()),
                control == null ? null : control.getTitle(),
                control == null ? null : control.getOwner());
        return f;
    }

    // ---- the dashboard ----------------------------------------------------------------------------------------

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public SeverityCounts openBySeverity() {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        var query = em.createQuery(
                        "select f.severity, count(f) from Finding f where f.state in :open" + ownerClause("f")
                                + " group by f.severity",
                        Object[].class)
                .setParameter("open", List.of(State.OPEN, State.INVESTIGATING));
        ownerParameter(query);
        for (Object[] row : query.getResultList()) {
            counts.put((Severity) row[0], ((Number) row[1]).longValue());
        }
        return new SeverityCounts(counts);
    }

    /** Breaches per day (UTC) over the last {@code days} days, today included, every day present. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<DayCount> breachesPerDay(int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        var query = em.createQuery(
                        "select o.at from Occurrence o, Finding f where f.id = o.findingId"
                                + " and o.kind = :breach and o.at >= :since" + ownerClause("f"),
                        Instant.class)
                .setParameter("breach", OccurrenceKind.BREACH)
                .setParameter("since", first.atStartOfDay(ZoneOffset.UTC).toInstant());
        ownerParameter(query);
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        for (Instant at : query.getResultList()) {
            perDay.computeIfPresent(LocalDate.ofInstant(at, ZoneOffset.UTC), (d, n) -> n + 1);
        }
        return perDay.entrySet().stream()
                .map(e -> new DayCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** Controls passing and failing by their telemetry tests' latest results (a control failing on any system fails). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public ControlTestFigures controlTests() {
        var query = em.createQuery(
                "select t.controlId, t.outcome, count(t) from ControlTestStatus t, FindingSystem s"
                        + " where s.id = t.systemId"
                        + (readsAll()
                                ? ""
                                : " and (lower(s.businessOwner) = :me" + " or lower(s.technicalOwner) = :me)")
                        + " group by t.controlId, t.outcome",
                Object[].class);
        if (!readsAll()) {
            query.setParameter("me", Actors.current().toLowerCase(Locale.ROOT));
        }
        Map<Long, EnumMap<Outcome, Long>> perControl = new LinkedHashMap<>();
        long[] tests = new long[Outcome.values().length];
        for (Object[] row : query.getResultList()) {
            Outcome o = (Outcome) row[1];
            long n = ((Number) row[2]).longValue();
            perControl
                    .computeIfAbsent((Long) row[0], k -> new EnumMap<>(Outcome.class))
                    .merge(o, n, Long::sum);
            tests[o.ordinal()] += n;
        }
        long passing = 0;
        long failing = 0;
        long noData = 0;
        for (EnumMap<Outcome, Long> outcomes : perControl.values()) {
            if (outcomes.containsKey(Outcome.FAILED)) {
                failing++;
            } else if (outcomes.containsKey(Outcome.PASSED)) {
                passing++;
            } else {
                noData++;
            }
        }
        return new ControlTestFigures(
                passing,
                failing,
                noData,
                tests[Outcome.PASSED.ordinal()],
                tests[Outcome.FAILED.ordinal()],
                tests[Outcome.NO_DATA.ordinal()]);
    }

    // ---- fed by the telemetry loop (the system actor, holding SYSTEM_RECORD) -------------------------------------

    /**
     * A telemetry test result: kept as the test's latest outcome; a failure opens or adds to the finding of the test
     * (reopening a resolved one), a pass is recorded as a recovery on the open finding. The same result twice counts
     * once (its delivery key is unique), so a redelivered event changes nothing. Everything it needs about the system,
     * the control and the risks comes with the event: nothing is read back from those modules.
     */
    @PreAuthorize(SYSTEM_ONLY)
    public void record(ControlTestRecorded r) {
        if (r.system() == null || r.control() == null || !known(r.systemId())) {
            log.warn("Telemetry result {} names an AI system or control that is gone; nothing recorded", r.resultId());
            return;
        }
        ControlTestStatus status = testStatuses.findById(r.testId()).orElseGet(() -> new ControlTestStatus(r.testId()));
        if (status.record(
                r.controlId(),
                r.systemId(),
                r.resultId(),
                r.outcome(),
                r.metric(),
                r.figure(),
                r.threshold(),
                r.recordedAt())) {
            testStatuses.save(status);
        }
        String cause = "test:" + r.testId();
        String delivery = "result:" + r.resultId();
        Instant at = r.windowEnd() == null ? r.recordedAt() : r.windowEnd();
        if (r.outcome() == Outcome.FAILED) {
            Set<Long> mitigated = new LinkedHashSet<>();
            r.control().risks().forEach(risk -> mitigated.add(risk.id()));
            Severity severity = Severity.of(
                    r.figure() == null ? r.threshold() : r.figure(),
                    r.threshold(),
                    r.control().mitigatesHighRisk());
            Cause c = new Cause(
                    cause,
                    r.systemId(),
                    r.controlId(),
                    r.testId(),
                    testTitle(r),
                    r.source(),
                    r.deployment(),
                    r.metric(),
                    blank(r.subject()),
                    r.comparison(),
                    r.threshold());
            breach(
                    c,
                    mitigated,
                    severity,
                    new Occurrence(
                            0,
                            OccurrenceKind.BREACH,
                            delivery,
                            r.figure(),
                            r.threshold(),
                            r.windowStart(),
                            r.windowEnd(),
                            r.sampleSize(),
                            at),
                    r.system(),
                    r.control().title(),
                    r.control().owner());
        } else if (r.outcome() == Outcome.PASSED) {
            recovery(cause, delivery, r.figure(), r.threshold(), r.windowStart(), r.windowEnd(), r.sampleSize(), at);
        }
    }

    /** An alert seen open opens or adds to the finding of its cause; seen cleared, it is a recovery. */
    @PreAuthorize(SYSTEM_ONLY)
    public void record(MonitorAlertObserved a) {
        if (a.system() == null || !known(a.systemId())) {
            log.warn(
                    "Alert {} at {} names AI system {}, which was gone; nothing recorded",
                    a.alertId(),
                    a.source(),
                    a.systemId());
            return;
        }
        String subject = blank(a.subject());
        String cause = "alert:" + a.source() + "/" + a.deployment() + "/" + a.metric() + "/"
                + (subject == null ? "" : subject);
        String delivery = "alert:" + a.source() + "/" + a.alertId() + (a.open() ? "/open" : "/cleared");
        if (a.open()) {
            Cause c = new Cause(
                    cause,
                    a.systemId(),
                    null,
                    null,
                    alertTitle(a, subject, a.system().name()),
                    a.source(),
                    a.deployment(),
                    a.metric(),
                    subject,
                    null,
                    a.threshold());
            breach(
                    c,
                    Set.of(),
                    Severity.of(a.value(), a.threshold(), false),
                    new Occurrence(
                            0, OccurrenceKind.BREACH, delivery, a.value(), a.threshold(), null, null, null, a.at()),
                    a.system(),
                    null,
                    null);
        } else {
            recovery(cause, delivery, a.value(), a.threshold(), null, null, null, a.at());
        }
    }

    private void breach(
            Cause cause,
            Set<Long> mitigated,
            Severity severity,
            Occurrence template,
            SystemFacts system,
            String controlTitle,
            String controlOwner) {
        if (occurrences.existsByDelivery(template.getDelivery())) {
            return;
        }
        Instant now = clock.instant();
        Finding f = findings.lockByCause(cause.key()).orElse(null);
        if (f == null) {
            f = findings.saveAndFlush(new Finding(cause, mitigated, severity, template.getAt(), now));
            occurrences.save(copy(f.getId(), template));
            events.publishEvent(new FindingOpened(
                    f.getId(),
                    f.getCause(),
                    f.getSystemId(),
                    f.getControlId(),
                    f.getTitle(),
                    f.getSeverity(),
                    f.getRisks()));
            afterOpening(f, true, system, controlTitle, controlOwner);
            return;
        }
        BreachEffect effect = f.breached(severity, mitigated, template.getAt(), now);
        findings.saveAndFlush(f);
        occurrences.save(copy(f.getId(), template));
        events.publishEvent(new FindingOccurred(
                f.getId(),
                template.getDelivery(),
                template.getFigure(),
                template.getAt(),
                f.getSeverity(),
                f.getOccurrences()));
        if (effect == BreachEffect.REOPENED) {
            events.publishEvent(new FindingReopened(f.getId(), f.getReopenReason(), true));
            afterOpening(f, false, system, controlTitle, controlOwner);
        }
    }

    private void recovery(
            String cause,
            String delivery,
            Double figure,
            double threshold,
            Instant windowStart,
            Instant windowEnd,
            Long sampleSize,
            Instant at) {
        if (occurrences.existsByDelivery(delivery)) {
            return;
        }
        findings.lockByCause(cause).ifPresent(f -> {
            if (f.recovered(figure, at, clock.instant())) {
                findings.saveAndFlush(f);
                occurrences.save(new Occurrence(
                        f.getId(),
                        OccurrenceKind.RECOVERY,
                        delivery,
                        figure,
                        threshold,
                        windowStart,
                        windowEnd,
                        sampleSize,
                        at));
                events.publishEvent(new FindingRecovered(f.getId(), delivery, figure, at));
            }
        });
    }

    /**
     * On opening or reopening: the risks the control mitigates are flagged for reassessment (by the system actor,
     * holding {@link RiskService#SYSTEM_FLAG}), and people are told — in the same transaction as the finding, so a redelivered
     * event that finds the occurrence recorded repeats neither.
     */
    private void afterOpening(Finding f, boolean first, SystemFacts system, String controlTitle, String controlOwner) {
        String reason = "Finding " + f.getId() + (first ? " opened: " : " reopened: ") + f.getTitle();
        // the flags are the system's doing, also when a person reopened the finding
        Actors.runAsSystem(Set.of(RiskService.SYSTEM_FLAG), () -> {
            for (Long riskId : f.getRisks()) {
                risks.flagForReassessment(riskId, reason);
            }
        });
        Set<String> owners = new LinkedHashSet<>(system.owners());
        addIfPresent(owners, controlOwner);
        notices.tell(f, system.name(), controlTitle, owners, first);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Whether the system is still in this module's copy of the inventory (a removal may have come after the event). */
    private boolean known(long systemId) {
        return em.createQuery("select count(s) from FindingSystem s where s.id = :id", Long.class)
                        .setParameter("id", systemId)
                        .getSingleResult()
                > 0;
    }

    private static String testTitle(ControlTestRecorded r) {
        String subject = blank(r.subject());
        // in words: "PSI of text_length to stay below 0.1000 failed on …", never the codes "LT" or "KS_P_VALUE"
        return r.control().title() + ": " + dev.aegis.shared.MetricVocabulary.metric(r.metric(), subject) + " "
                + (r.comparison() == null
                        ? "against"
                        : "to stay " + dev.aegis.shared.MetricVocabulary.comparison(r.comparison()))
                + " " + number(r.threshold()) + " failed on " + r.system().name();
    }

    private static String alertTitle(MonitorAlertObserved a, String subject, String systemName) {
        return "Alert on " + a.deployment() + ": " + dev.aegis.shared.MetricVocabulary.metric(a.metric(), subject)
                + " past "
                + number(a.threshold()) + " (" + systemName + ")";
    }

    static String number(Double v) {
        if (v == null) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf(v.longValue());
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.4g" : "%.2f", v);
    }

    private static Occurrence copy(long findingId, Occurrence t) {
        return new Occurrence(
                findingId,
                t.getKind(),
                t.getDelivery(),
                t.getFigure(),
                t.getThreshold(),
                t.getWindowStart(),
                t.getWindowEnd(),
                t.getSampleSize(),
                t.getAt());
    }

    private Finding actionable(long id, long expectedVersion) {
        Finding f = get(id);
        if (!mayManage() && !ownsSystemOf(f)) {
            throw new AccessDeniedException("A system owner moves only the findings of the AI systems they own.");
        }
        if (f.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Finding.class, id);
        }
        return f;
    }

    private boolean ownsSystemOf(Finding f) {
        try {
            return systems.get(f.getSystemId()).isOwnedBy(Actors.current());
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static boolean mayManage() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER");
    }

    /** Administrators, governance officers and auditors read every finding; system owners those of their systems. */
    private static boolean readsAll() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
    }

    private static String ownerClause(String alias) {
        return readsAll()
                ? ""
                : " and exists (select 1 from FindingSystem s where s.id = " + alias + ".systemId"
                        + " and (lower(s.businessOwner) = :me or lower(s.technicalOwner) = :me))";
    }

    private static void ownerParameter(jakarta.persistence.Query query) {
        if (!readsAll()) {
            query.setParameter("me", Actors.current().toLowerCase(Locale.ROOT));
        }
    }

    /** Only the findings the signed-in user may read. */
    private static Specification<Finding> visible() {
        if (readsAll()) {
            return (f, q, cb) -> cb.conjunction();
        }
        String me = Actors.current().toLowerCase(Locale.ROOT);
        return (f, q, cb) -> {
            Subquery<Long> sq = q.subquery(Long.class);
            Root<FindingSystem> s = sq.from(FindingSystem.class);
            return cb.exists(sq.select(s.get("id"))
                    .where(
                            cb.equal(s.get("id"), f.get("systemId")),
                            cb.or(
                                    cb.equal(cb.lower(s.get("businessOwner")), me),
                                    cb.equal(cb.lower(s.get("technicalOwner")), me))));
        };
    }

    static Specification<Finding> specification(Filter filter) {
        List<Specification<Finding>> parts = new ArrayList<>();
        if (filter.state() != null) {
            parts.add((f, q, cb) -> cb.equal(f.get("state"), filter.state()));
        }
        if (Boolean.TRUE.equals(filter.open())) {
            parts.add((f, q, cb) -> f.get("state").in(State.OPEN, State.INVESTIGATING));
        }
        if (filter.severity() != null) {
            parts.add((f, q, cb) -> cb.equal(f.get("severity"), filter.severity()));
        }
        if (filter.system() != null) {
            parts.add((f, q, cb) -> cb.equal(f.get("systemId"), filter.system()));
        }
        return Specification.allOf(parts);
    }

    /** The requested order with the id as tie-breaker, so paging never shows a finding twice. */
    static Pageable stable(Pageable page) {
        List<Sort.Order> orders = new ArrayList<>();
        for (Sort.Order o : page.getSort()) {
            if (!o.getProperty().equals("id")) {
                orders.add(o);
            }
        }
        if (orders.isEmpty()) {
            orders.add(Sort.Order.desc("lastSeen"));
        }
        orders.add(new Sort.Order(orders.getFirst().getDirection(), "id"));
        return page.isPaged()
                ? PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(orders))
                : Pageable.unpaged(Sort.by(orders));
    }

    private static void addIfPresent(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(name.trim());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
