package dev.aegis.finding;

import dev.aegis.finding.FindingVocabulary.OccurrenceKind;
import dev.aegis.finding.FindingVocabulary.Severity;
import dev.aegis.finding.FindingVocabulary.State;
import dev.aegis.shared.Actors;
import dev.aegis.shared.NotFoundException;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the findings register and its dashboard figures. Administrators, governance officers and auditors read every
 * finding; a system owner reads only the findings of the systems they own — the queries themselves say so, not just
 * the screens. The workflow is {@link FindingWorkflow}'s, what the telemetry loop found is recorded by
 * {@link FindingRecorder}, the people told and the risks flagged on an opening by {@link FindingNotices}. See
 * docs/findings.md.
 */
@Service
@Transactional
public class FindingService {

    static final String READERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','SYSTEM_OWNER')";
    static final String ACTORS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','SYSTEM_OWNER')";
    static final String OFFICERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER')";
    private final Findings findings;
    private final Occurrences occurrences;
    private final EntityManager em;
    private final Clock clock;

    FindingService(Findings findings, Occurrences occurrences, EntityManager em, Clock clock) {
        this.findings = findings;
        this.occurrences = occurrences;
        this.em = em;
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

    // ---- helpers ----------------------------------------------------------------------------------------------

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
}
