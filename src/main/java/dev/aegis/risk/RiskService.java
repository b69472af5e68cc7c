package dev.aegis.risk;

import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.RequirementKind;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.inventory.Classification.EuAiActTier;
import dev.aegis.inventory.ScopeService;
import dev.aegis.inventory.ScopeService.TypicalThreat;
import dev.aegis.risk.Risk.Approver;
import dev.aegis.risk.RiskEvents.RiskAcceptanceExpired;
import dev.aegis.risk.RiskEvents.RiskAccepted;
import dev.aegis.risk.RiskEvents.RiskClosed;
import dev.aegis.risk.RiskEvents.RiskFlaggedForReassessment;
import dev.aegis.risk.RiskEvents.RiskIdentified;
import dev.aegis.risk.RiskEvents.RiskReopened;
import dev.aegis.risk.RiskVocabulary.Band;
import dev.aegis.risk.RiskVocabulary.Category;
import dev.aegis.risk.RiskVocabulary.Status;
import dev.aegis.risk.RiskVocabulary.Treatment;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.validation.Checked;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register. Everyone signed in reads it; governance officers and administrators raise and change any risk; a
 * system owner raises and changes the risks that belong only to systems they own; auditors and vendor managers read.
 * Only a governance officer or administrator who does not own a risk accepts it. Every change names the version it
 * was made against, so a stale copy is refused instead of overwriting someone else's change.
 */
@Service
@Transactional
public class RiskService {

    /** The system actor's permission to read (see {@link dev.aegis.shared.Actors#runAsSystem}). */
    public static final String SYSTEM_READ = "SYSTEM:risk.read";
    /** The system actor's permission to flag for reassessment (see {@link dev.aegis.shared.Actors#runAsSystem}). */
    public static final String SYSTEM_FLAG = "SYSTEM:risk.flag-for-reassessment";
    /** The system actor's permission to reopen the risks whose acceptance ran out ({@link AcceptanceExpiry}). */
    public static final String SYSTEM_REOPEN_EXPIRED = "SYSTEM:risk.reopen-expired-acceptances";
    /** The system actor's permission to seed the demo register (AEGIS_DEMO=true), as a demo runner does. */
    public static final String SYSTEM_SEED = "SYSTEM:risk.seed-demo";

    static final String READERS =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER') or hasAuthority('"
                    + SYSTEM_READ + "')";
    static final String WRITERS =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','SYSTEM_OWNER') or hasAuthority('" + SYSTEM_SEED + "')";
    static final String ATLAS = "MITRE-ATLAS";
    static final String OWASP_LLM = "OWASP-LLM-TOP10-2025";
    /** From this score on a risk is high (the critical band of the heat map): 15 to 25. */
    public static final int HIGH_SCORE = 15;

    /** The states of a risk that is no longer open: dealt with for good, or accepted for a while. */
    static final List<Status> SETTLED = List.of(Status.CLOSED, Status.ACCEPTED);

    private final Risks risks;
    private final AiSystemService systems;
    private final FrameworkCatalog catalog;
    private final ScopeService scope;
    private final EntityManager em;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserDirectory people;
    private final Validator validator;

    RiskService(
            Risks risks,
            AiSystemService systems,
            FrameworkCatalog catalog,
            ScopeService scope,
            EntityManager em,
            ApplicationEventPublisher events,
            Clock clock,
            UserDirectory people,
            Validator validator) {
        this.people = people;
        this.validator = validator;
        this.risks = risks;
        this.systems = systems;
        this.catalog = catalog;
        this.scope = scope;
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Filters for the register; null or blank means any. {@code tier} matches risks of which any system stands in that
     * EU AI Act tier; {@code requirement} matches risks that bear on that requirement or name it as their threat;
     * {@code band} matches the band of the current score (the residual once assessed, else the inherent: the score
     * the dashboard ranks by); {@code openOnly} keeps the risks neither closed nor accepted.
     */
    public record Filter(
            String text,
            Status status,
            String owner,
            Category category,
            EuAiActTier tier,
            Long requirement,
            Long system,
            Band band,
            boolean openOnly) {

        public Filter(
                String text,
                Status status,
                String owner,
                Category category,
                EuAiActTier tier,
                Long requirement,
                Long system) {
            this(text, status, owner, category, tier, requirement, system, null, false);
        }

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null);
        }
    }

    /** Open risks (neither closed nor accepted) per band of their current score, as the dashboard counts them. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Map<Band, Long> openByBand() {
        Map<Band, Long> counts = new EnumMap<>(Band.class);
        for (Band b : Band.values()) {
            counts.put(b, 0L);
        }
        em.createQuery(
                        "select coalesce(r.residualScore, r.inherentScore), count(r) from Risk r"
                                + " where r.status not in :settled group by coalesce(r.residualScore, r.inherentScore)",
                        Object[].class)
                .setParameter("settled", SETTLED)
                .getResultList()
                .forEach(row -> counts.merge(Band.of(((Number) row[0]).intValue()), (Long) row[1], Long::sum));
        return counts;
    }

    /** Counts of risks (not closed) per cell of the 5×5 matrix, indexed [likelihood - 1][impact - 1]. */
    public record HeatMap(long[][] inherent, long[][] residual) {
        public long inherentAt(int likelihood, int impact) {
            return inherent[likelihood - 1][impact - 1];
        }

        public long residualAt(int likelihood, int impact) {
            return residual[likelihood - 1][impact - 1];
        }
    }

    /** A page of matching risks with the total count (what the API answers). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Risk> search(Filter filter, Pageable page) {
        return risks.findAll(specification(filter), stable(page));
    }

    /**
     * A page of matching risks without counting them all: for the register's grid, which asks {@link #count} once
     * per filter instead of once per page.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Slice<Risk> slice(Filter filter, Pageable page) {
        Pageable stable = stable(page);
        return risks.findBy(
                specification(filter), q -> q.sortBy(stable.getSort()).slice(stable));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return risks.count(specification(filter));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Risk get(long id) {
        return risks.findById(id).orElseThrow(() -> new NotFoundException("No risk " + id));
    }

    /** Records a newly identified risk; its owner is the caller unless the details name one. */
    @PreAuthorize(WRITERS)
    public Risk identify(RiskDetails details) {
        requireSystems(details);
        requireMayChangeRisksOf(details.systems());
        return record(details);
    }

    /**
     * Raises the third-party risk a shortfall of a vendor assessment proposes, in the caller's name (the audit log names
     * them). Vendor managers only read the register otherwise; confirming the shortfalls of their own reviews is the
     * one step of the register they take, so it has its own permission instead of borrowing an officer's role.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','VENDOR_MANAGER')")
    public Risk raiseFromVendorShortfall(RiskDetails details) {
        if (details.category() != Category.THIRD_PARTY) {
            throw new DomainRuleException("category", "A vendor's shortfall raises a third-party risk.");
        }
        requireSystems(details);
        return record(details);
    }

    private Risk record(RiskDetails details) {
        Checked.valid(validator, details);
        checkReferences(details);
        people.requireKnown("owner", "risk owner", details.owner());
        Risk risk = new Risk(clock.instant());
        risk.describe(details, Actors.current(), clock.instant());
        risk = risks.saveAndFlush(risk);
        events.publishEvent(new RiskIdentified(risk.getId(), risk.getTitle()));
        return risk;
    }

    @PreAuthorize(WRITERS)
    public Risk update(long id, long expectedVersion, RiskDetails details) {
        requireSystems(details);
        Risk risk = editable(id, expectedVersion);
        requireMayChangeRisksOf(details.systems());
        Checked.valid(validator, details);
        checkReferences(details);
        people.requireKnown("owner", "risk owner", details.owner(), risk.getOwner());
        risk.describe(details, risk.getOwner(), clock.instant());
        return risks.saveAndFlush(risk);
    }

    @PreAuthorize(WRITERS)
    public Risk assess(long id, long expectedVersion, int likelihood, int impact) {
        Risk risk = editable(id, expectedVersion);
        risk.assess(likelihood, impact, clock.instant());
        return risks.saveAndFlush(risk);
    }

    @PreAuthorize(WRITERS)
    public Risk treat(long id, long expectedVersion, Treatment treatment, int residualLikelihood, int residualImpact) {
        Risk risk = editable(id, expectedVersion);
        risk.treat(treatment, residualLikelihood, residualImpact, clock.instant());
        return risks.saveAndFlush(risk);
    }

    /** Accepts the risk until a date, approved by the caller (a governance officer or administrator, not its owner). */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER') or hasAuthority('" + SYSTEM_SEED + "')")
    public Risk accept(long id, long expectedVersion, String rationale, LocalDate until) {
        Risk risk = current(id, expectedVersion);
        risk.accept(
                new Approver(Actors.current(), mayManage()), rationale, until, LocalDate.now(clock), clock.instant());
        risks.saveAndFlush(risk);
        events.publishEvent(new RiskAccepted(id, risk.getAcceptedBy(), risk.getAcceptanceExpiresOn()));
        return risk;
    }

    @PreAuthorize(WRITERS)
    public Risk close(long id, long expectedVersion) {
        Risk risk = editable(id, expectedVersion);
        risk.close(clock.instant());
        risks.saveAndFlush(risk);
        events.publishEvent(new RiskClosed(id));
        return risk;
    }

    @PreAuthorize(WRITERS)
    public Risk reopen(long id, long expectedVersion, String reason) {
        Risk risk = editable(id, expectedVersion);
        risk.reopen(reason, clock.instant());
        risks.saveAndFlush(risk);
        events.publishEvent(new RiskReopened(id, reason.trim()));
        return risk;
    }

    /**
     * Marks the risk's residual score for reassessment, saying why (e.g. a finding against a control that mitigates
     * it); the mark is cleared when the risk is next assessed, treated or accepted. Officers and administrators may
     * flag by hand; the system actor (the findings module reacting to telemetry) holds {@link #SYSTEM_FLAG} for it.
     * A closed risk is left alone, it no longer stands.
     *
     * @return whether the risk was flagged
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER') or hasAuthority('" + SYSTEM_FLAG + "')")
    public boolean flagForReassessment(long riskId, String reason) {
        Risk risk = risks.findById(riskId).orElse(null);
        if (risk == null || risk.getStatus() == Status.CLOSED) {
            return false;
        }
        risk.flagForReassessment(reason, clock.instant());
        risks.saveAndFlush(risk);
        events.publishEvent(new RiskFlaggedForReassessment(riskId, reason.trim()));
        return true;
    }

    /**
     * Reopens every accepted risk whose acceptance expired before today, each with an audit entry saying so. Run daily
     * by {@link AcceptanceExpiry} as the system actor holding {@link #SYSTEM_REOPEN_EXPIRED}; an administrator may
     * run it too.
     *
     * @return how many risks were reopened
     */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('" + SYSTEM_REOPEN_EXPIRED + "')")
    public int reopenExpiredAcceptances() {
        LocalDate today = LocalDate.now(clock);
        int reopened = 0;
        for (Long id : risks.acceptanceExpiredBefore(today)) {
            Risk risk = risks.findById(id).orElseThrow();
            if (!risk.acceptanceExpiredBy(today)) {
                continue;
            }
            String acceptedBy = risk.getAcceptedBy();
            LocalDate expiredOn = risk.getAcceptanceExpiresOn();
            events.publishEvent(new RiskAcceptanceExpired(id, acceptedBy, expiredOn));
            String reason = "The acceptance by " + acceptedBy + " expired on " + expiredOn + ".";
            risk.reopen(reason, clock.instant());
            risks.saveAndFlush(risk);
            events.publishEvent(new RiskReopened(id, reason));
            reopened++;
        }
        return reopened;
    }

    /** The 5×5 heat map of risks that are not closed, optionally of one system and one category. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public HeatMap heatMap(Long systemId, Category category) {
        return new HeatMap(cells("inherent", systemId, category), cells("residual", systemId, category));
    }

    /**
     * The open high risks for the dashboard: not closed or accepted, whose score that stands now (residual once
     * treated, else inherent) is 15 or more: one score filters and ranks, so a risk listed never shows less than 15.
     * Worst first by that score, then by inherent score, then the
     * most recently raised.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Risk> openHighRisks(int limit) {
        return em.createQuery(
                        "select r from Risk r where r.status not in :settled"
                                + " and coalesce(r.residualScore, r.inherentScore) >= :high"
                                + " order by coalesce(r.residualScore, r.inherentScore) desc, r.inherentScore desc, r.id desc",
                        Risk.class)
                .setParameter("settled", SETTLED)
                .setParameter("high", HIGH_SCORE)
                .setMaxResults(limit)
                .getResultList();
    }

    /** How many risks were assessed high or critical (inherent score 8 or more) and how many of them are dealt with. */
    public record HighRiskTreatment(long high, long treated) {}

    /**
     * The risks whose inherent score is high or critical (8 or more, the heat map's two upper bands) and how many of
     * them are treated, accepted or closed, for the AIMS objectives' indicator "share of high and critical risks
     * treated". The inherent score, not the residual, chooses them: a treatment lowers the residual, and the risk it
     * treated must still count.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public HighRiskTreatment highRiskTreatment() {
        Object[] row = em.createQuery(
                        "select count(r), coalesce(sum(case when r.status in :dealt then 1 else 0 end), 0) from Risk r"
                                + " where r.inherentScore >= :high",
                        Object[].class)
                .setParameter("dealt", List.of(Status.TREATED, Status.CLOSED, Status.ACCEPTED))
                .setParameter("high", Band.HIGH.lowest())
                .getSingleResult();
        return new HighRiskTreatment(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * The threats typical for the system's kind (see {@link ScopeService#typicalThreats}) that no risk of the system
     * names yet, whatever that risk's state: a closed risk still shows the threat was considered.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<TypicalThreat> uncoveredThreats(long systemId) {
        Set<Long> covered = new HashSet<>(em.createQuery(
                        "select distinct t from Risk r join r.threats t " + "where :system member of r.systems",
                        Long.class)
                .setParameter("system", systemId)
                .getResultList());
        return scope.typicalThreats(systemId).stream()
                .filter(t -> !covered.contains(t.threat().id()))
                .toList();
    }

    /** Whether the signed-in user may raise risks of this system (for the screens; the service checks again). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayRaiseFor(long systemId) {
        return mayManage() || (Actors.hasAnyRole("SYSTEM_OWNER") && ownsAll(List.of(systemId)));
    }

    /** Whether the signed-in user may change this risk (for the screens; the service checks again). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayEdit(long id) {
        Risk risk = get(id);
        return mayManage() || (Actors.hasAnyRole("SYSTEM_OWNER") && ownsAll(risk.getSystems()));
    }

    /** Whether the signed-in user may accept this risk: a governance officer or administrator who does not own it. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayAccept(long id) {
        return mayManage() && !get(id).isOwnedBy(Actors.current());
    }

    private long[][] cells(String which, Long systemId, Category category) {
        StringBuilder jpql = new StringBuilder("select r.")
                .append(which)
                .append("Likelihood, r.")
                .append(which)
                .append("Impact, count(r) from Risk r where r.status <> :closed and r.")
                .append(which)
                .append("Likelihood is not null");
        if (systemId != null) {
            jpql.append(" and :system member of r.systems");
        }
        if (category != null) {
            jpql.append(" and r.category = :category");
        }
        jpql.append(" group by 1, 2");
        var query = em.createQuery(jpql.toString(), Object[].class).setParameter("closed", Status.CLOSED);
        if (systemId != null) {
            query.setParameter("system", systemId);
        }
        if (category != null) {
            query.setParameter("category", category);
        }
        long[][] cells = new long[5][5];
        for (Object[] row : query.getResultList()) {
            cells[((Number) row[0]).intValue() - 1][((Number) row[1]).intValue() - 1] = ((Number) row[2]).longValue();
        }
        return cells;
    }

    private Risk current(long id, long expectedVersion) {
        Risk risk = get(id);
        if (risk.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Risk.class, id);
        }
        return risk;
    }

    private Risk editable(long id, long expectedVersion) {
        Risk risk = get(id);
        requireMayChangeRisksOf(risk.getSystems());
        if (risk.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Risk.class, id);
        }
        return risk;
    }

    private static void requireSystems(RiskDetails details) {
        if (details.systems() == null || details.systems().isEmpty()) {
            throw new DomainRuleException("systems", "Choose the AI systems the risk belongs to.");
        }
    }

    /** A system owner changes only risks whose every system they own; the others need no ownership. */
    private void requireMayChangeRisksOf(Collection<Long> systemIds) {
        if (!mayManage() && !ownsAll(systemIds)) {
            throw new AccessDeniedException("A system owner raises and changes risks only of the AI systems they own.");
        }
    }

    private boolean ownsAll(Collection<Long> systemIds) {
        if (systemIds == null || systemIds.isEmpty()) {
            return false;
        }
        for (Long id : systemIds) {
            if (!systems.mayEdit(requireSystem(id))) {
                return false;
            }
        }
        return true;
    }

    private long requireSystem(Long id) {
        try {
            systems.get(id);
            return id;
        } catch (NotFoundException e) {
            throw new DomainRuleException("systems", "There is no AI system " + id + ".");
        }
    }

    /**
     * Systems exist; threats are ATLAS techniques or sub-techniques or OWASP LLM Top 10 entries; requirements exist.
     */
    private void checkReferences(RiskDetails details) {
        details.systems().forEach(this::requireSystem);
        Set<Long> threatIds = details.threats() == null ? Set.of() : details.threats();
        Map<Long, RequirementSummary> threats = byId(threatIds);
        for (Long id : threatIds) {
            RequirementSummary r = threats.get(id);
            if (r == null || !isThreat(r)) {
                throw new DomainRuleException(
                        "threats",
                        "A threat is an ATLAS technique or sub-technique or an OWASP "
                                + "LLM Top 10 entry; "
                                + (r == null ? "requirement " + id + " does not exist" : r.refId() + " is not")
                                + ".");
            }
        }
        Set<Long> requirementIds = details.requirements() == null ? Set.of() : details.requirements();
        Set<Long> missing = new HashSet<>(requirementIds);
        missing.removeAll(byId(requirementIds).keySet());
        if (!missing.isEmpty()) {
            throw new DomainRuleException("requirements", "No framework requirements " + missing + ".");
        }
    }

    private Map<Long, RequirementSummary> byId(Set<Long> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        return catalog.requirements(ids).stream().collect(Collectors.toMap(RequirementSummary::id, r -> r));
    }

    static boolean isThreat(RequirementSummary r) {
        return (ATLAS.equals(r.frameworkCode())
                        && (r.kind() == RequirementKind.TECHNIQUE || r.kind() == RequirementKind.SUB_TECHNIQUE))
                || (OWASP_LLM.equals(r.frameworkCode()) && r.kind() == RequirementKind.RISK);
    }

    private static boolean mayManage() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER") || Actors.holds(SYSTEM_SEED);
    }

    /** Columns that are never null: sorting them needs no nulls-first/last, which would keep PostgreSQL off their index. */
    private static final Set<String> NOT_NULL = Set.of(
            "id",
            "title",
            "category",
            "status",
            "inherentScore",
            "inherentLikelihood",
            "inherentImpact",
            "owner",
            "createdAt",
            "updatedAt");

    /**
     * The requested order made stable and index-friendly: ties are broken by id in the direction of the first key (so
     * paging never shows a risk twice and a btree (key, id) serves either direction), and null handling is dropped for
     * columns that cannot be null.
     */
    static Pageable stable(Pageable page) {
        List<Sort.Order> orders = new ArrayList<>();
        for (Sort.Order o : page.getSort()) {
            if (!o.getProperty().equals("id")) {
                orders.add(NOT_NULL.contains(o.getProperty()) ? o.with(Sort.NullHandling.NATIVE) : o);
            }
        }
        Sort.Direction tieBreak =
                orders.isEmpty() ? Sort.Direction.ASC : orders.getFirst().getDirection();
        orders.add(new Sort.Order(tieBreak, "id"));
        return page.isPaged()
                ? PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(orders))
                : Pageable.unpaged(Sort.by(orders));
    }

    static Specification<Risk> specification(Filter f) {
        List<Specification<Risk>> parts = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().trim().toLowerCase() + "%";
            parts.add((r, q, cb) ->
                    cb.or(cb.like(cb.lower(r.get("title")), like), cb.like(cb.lower(r.get("description")), like)));
        }
        if (f.status() != null) {
            parts.add((r, q, cb) -> cb.equal(r.get("status"), f.status()));
        }
        if (f.owner() != null && !f.owner().isBlank()) {
            String owner = f.owner().trim().toLowerCase();
            parts.add((r, q, cb) -> cb.equal(cb.lower(r.get("owner")), owner));
        }
        if (f.category() != null) {
            parts.add((r, q, cb) -> cb.equal(r.get("category"), f.category()));
        }
        if (f.system() != null) {
            parts.add((r, q, cb) -> {
                Subquery<Long> sq = q.subquery(Long.class);
                Root<Risk> same = sq.correlate(r);
                Join<Risk, Long> system = same.join("systems");
                return cb.exists(sq.select(system).where(cb.equal(system, f.system())));
            });
        }
        if (f.tier() != null) {
            // exists (select 1 from risk_system rs join ai_system_tier s on s.id = rs.system_id where s.tier = ?)
            parts.add((r, q, cb) -> {
                Subquery<Long> sq = q.subquery(Long.class);
                Root<Risk> same = sq.correlate(r);
                Join<Risk, Long> system = same.join("systems");
                Root<SystemTier> s = sq.from(SystemTier.class);
                return cb.exists(
                        sq.select(s.get("id")).where(cb.equal(s.get("id"), system), cb.equal(s.get("tier"), f.tier())));
            });
        }
        if (f.requirement() != null) {
            // one semi-join over the view of both link tables, driven by their (requirement_id, risk_id) indexes
            parts.add((r, q, cb) -> {
                Subquery<Long> sq = q.subquery(Long.class);
                Root<RiskReference> link = sq.from(RiskReference.class);
                return r.get("id")
                        .in(sq.select(link.get("riskId")).where(cb.equal(link.get("requirementId"), f.requirement())));
            });
        }
        if (f.band() != null) {
            parts.add((r, q, cb) -> cb.between(
                    cb.coalesce(r.<Integer>get("residualScore"), r.<Integer>get("inherentScore")),
                    f.band().lowest(),
                    f.band().highest()));
        }
        if (f.openOnly()) {
            parts.add((r, q, cb) -> cb.not(r.get("status").in(SETTLED)));
        }
        return Specification.allOf(parts);
    }
}
