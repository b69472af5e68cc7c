package dev.aegis.vendor;

import dev.aegis.vendor.Assessment.State;
import dev.aegis.vendor.VendorVocabulary.Level;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments across vendors, by state, for the board and the API: filtered, counted and paged in the database, the
 * soonest due first.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentBoard {

    /** The board's columns, each one or more states. */
    public enum Column {
        DRAFT("Draft", State.DRAFT),
        WITH_VENDOR("Invited / in progress", State.INVITED, State.IN_PROGRESS),
        SUBMITTED("Submitted", State.SUBMITTED),
        RETURNED("Returned", State.RETURNED),
        DECIDED("Decided", State.APPROVED, State.REJECTED);

        private final String label;
        private final Set<State> states;

        Column(String label, State first, State... more) {
            this.label = label;
            this.states = EnumSet.of(first, more);
        }

        public String label() {
            return label;
        }

        public Set<State> states() {
            return states;
        }

        static Column of(State state) {
            for (Column c : values()) {
                if (c.states.contains(state)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(String.valueOf(state));
        }
    }

    /**
     * Filters; null means any. {@code states} empty or null means every state. {@code dueFrom}/{@code dueTo} keep the
     * assessments still awaiting the vendor (or a draft) whose due date falls in those days, both included.
     */
    public record Filter(
            Collection<State> states,
            Long vendorId,
            Level criticality,
            Boolean overdue,
            LocalDate dueFrom,
            LocalDate dueTo) {

        public Filter(Collection<State> states, Long vendorId, Level criticality, Boolean overdue) {
            this(states, vendorId, criticality, overdue, null, null);
        }

        public static Filter none() {
            return new Filter(null, null, null, null);
        }

        public Filter withStates(Collection<State> only) {
            return new Filter(only, vendorId, criticality, overdue, dueFrom, dueTo);
        }
    }

    private static final String FROM = " from Assessment a join Vendor v on v.id = a.vendorId"
            + " join QuestionnaireTemplate t on t.id = a.templateId where 1 = 1";
    private final EntityManager em;

    AssessmentBoard(EntityManager em) {
        this.em = em;
    }

    /** How many vendors there are and how many of them hold a current approved assessment. */
    public record Currency(long vendors, long current) {}

    /**
     * The vendors whose newest approved assessment is still current on {@code day}: approved, and not yet due again
     * under the vendor's reassessment interval (a vendor not on a schedule stays current once approved). A vendor
     * never approved is not current. For the AIMS objectives' indicator "vendor assessments current".
     */
    @PreAuthorize(VendorService.READERS)
    public Currency assessmentCurrency(LocalDate day) {
        Map<Long, java.time.Instant> approved = new HashMap<>();
        em.createQuery(
                        "select a.vendorId, max(a.decidedAt) from Assessment a where a.state = :approved"
                                + " group by a.vendorId",
                        Object[].class)
                .setParameter("approved", State.APPROVED)
                .getResultList()
                .forEach(r -> approved.put((Long) r[0], (java.time.Instant) r[1]));
        List<Vendor> all =
                em.createQuery("select v from Vendor v", Vendor.class).getResultList();
        long current = all.stream()
                .filter(v -> {
                    java.time.Instant at = approved.get(v.getId());
                    if (at == null) {
                        return false;
                    }
                    LocalDate due = v.reassessmentInterval().nextDue(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC));
                    return due == null || !due.isBefore(day);
                })
                .count();
        return new Currency(all.size(), current);
    }

    /** One page of cards matching the filter, soonest due first. */
    @PreAuthorize(VendorService.READERS)
    public Page<AssessmentCard> cards(Filter filter, Pageable page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        TypedQuery<AssessmentCard> query = em.createQuery(
                "select new dev.aegis.vendor.AssessmentCard(a.id, v.id, "
                        + "v.name, v.criticality, t.id, t.title, t.version, a.state, a.dueOn, a.overdueSince, a.score)"
                        + FROM + where + " order by a.dueOn, a.id",
                AssessmentCard.class);
        params.forEach(query::setParameter);
        query.setFirstResult((int) page.getOffset());
        query.setMaxResults(page.getPageSize());
        var count = em.createQuery("select count(a)" + FROM + where, Long.class);
        params.forEach(count::setParameter);
        return new PageImpl<>(query.getResultList(), page, count.getSingleResult());
    }

    /** How many assessments matching the filter (states aside) each column holds. */
    @PreAuthorize(VendorService.READERS)
    public Map<Column, Long> counts(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter.withStates(null), params);
        var query = em.createQuery("select a.state, count(a)" + FROM + where + " group by a.state", Object[].class);
        params.forEach(query::setParameter);
        Map<Column, Long> counts = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            counts.put(c, 0L);
        }
        for (Object[] row : query.getResultList()) {
            counts.merge(Column.of((State) row[0]), (Long) row[1], Long::sum);
        }
        return counts;
    }

    private static String where(Filter f, Map<String, Object> params) {
        List<String> parts = new ArrayList<>();
        if (f.states() != null && !f.states().isEmpty()) {
            parts.add("a.state in :states");
            params.put("states", f.states());
        }
        if (f.vendorId() != null) {
            parts.add("a.vendorId = :vendor");
            params.put("vendor", f.vendorId());
        }
        if (f.criticality() != null) {
            parts.add("v.criticality = :criticality");
            params.put("criticality", f.criticality());
        }
        if (f.overdue() != null) {
            parts.add(
                    f.overdue()
                            ? "(a.overdueSince is not null and a.state in :awaiting)"
                            : "(a.overdueSince is null or a.state not in :awaiting)");
            params.put("awaiting", AssessmentCalendar.AWAITING);
        }
        if (f.dueFrom() != null || f.dueTo() != null) {
            parts.add("a.state in :undecided");
            params.put("undecided", AssessmentCalendar.AWAITING);
        }
        if (f.dueFrom() != null) {
            parts.add("a.dueOn >= :dueFrom");
            params.put("dueFrom", f.dueFrom());
        }
        if (f.dueTo() != null) {
            parts.add("a.dueOn <= :dueTo");
            params.put("dueTo", f.dueTo());
        }
        return parts.isEmpty() ? "" : " and " + String.join(" and ", parts);
    }
}
