package dev.aegis.control;

import dev.aegis.control.ControlEvents.StarterControlsAdopted;
import dev.aegis.control.ControlVocabulary.ControlType;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.StarterLibrary.StarterControl;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.risk.RiskService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.NotFoundException;
import dev.aegis.shared.UserDirectory;
import dev.aegis.shared.validation.Checked;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The control library. Everyone signed in reads it; governance officers and administrators write it, adopt starter
 * controls and apply controls to AI systems; a system owner records the status of a control on the systems they own.
 * Every change names the version it was made against, so a stale copy is refused instead of overwriting someone
 * else's change.
 */
@Service
@Transactional
public class ControlService {

    /** The system actor's permission to read (see {@link dev.aegis.shared.Actors#runAsSystem}). */
    public static final String SYSTEM_READ = "SYSTEM:control.read";
    /** The system actor's permission to mark tested (see {@link dev.aegis.shared.Actors#runAsSystem}). */
    public static final String SYSTEM_MARK_TESTED = "SYSTEM:control.mark-tested";
    /** The system actor's permission to seed the demo register (AEGIS_DEMO=true), as a demo runner does. */
    public static final String SYSTEM_SEED = "SYSTEM:control.seed-demo";

    static final String READERS =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER') or hasAuthority('"
                    + SYSTEM_READ + "')";
    static final String WRITERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER') or hasAuthority('" + SYSTEM_SEED + "')";

    private final Controls controls;
    private final ControlApplications applications;
    private final StarterLibrary starter;
    private final FrameworkCatalog catalog;
    private final AiSystemService systems;
    private final RiskService risks;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserDirectory people;
    private final Validator validator;

    ControlService(
            Controls controls,
            ControlApplications applications,
            StarterLibrary starter,
            FrameworkCatalog catalog,
            AiSystemService systems,
            RiskService risks,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            UserDirectory people,
            Validator validator) {
        this.people = people;
        this.validator = validator;
        this.controls = controls;
        this.applications = applications;
        this.starter = starter;
        this.catalog = catalog;
        this.systems = systems;
        this.risks = risks;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Filters for the library; null or blank means any. {@code system} matches controls applied to that AI system,
     * {@code requirement} controls mapped to that requirement, {@code risk} controls that mitigate that risk.
     */
    public record Filter(
            String text, ImplementationStatus status, ControlType type, Long system, Long requirement, Long risk) {
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** A control applied to an AI system, for screens and the API. */
    public record Applied(
            long applicationId,
            long controlId,
            String controlTitle,
            ImplementationStatus libraryStatus,
            long systemId,
            String systemName,
            ImplementationStatus status,
            String note,
            String updatedBy,
            Instant updatedAt,
            long version) {}

    /** A starter control and, once adopted, the library control made from it. */
    public record StarterEntry(StarterControl control, Long adoptedAs) {}

    /** Library figures for the dashboard. */
    public record Figures(
            long controls, long implemented, long notApplicable, long systems, long systemsWithoutControls) {
        /** Implemented among the controls that apply, in percent. */
        public int implementationRate() {
            long applicable = controls - notApplicable;
            return applicable == 0 ? 0 : (int) Math.round(100.0 * implemented / applicable);
        }
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Control> search(Filter filter, Pageable page) {
        return controls.findAll(specification(filter), page);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long count(Filter filter) {
        return controls.count(specification(filter));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Control get(long id) {
        return control(id);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Control> get(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : controls.findByIdIn(ids);
    }

    @PreAuthorize(WRITERS)
    public Control create(ControlDetails details) {
        check(details);
        people.requireKnown("owner", "control's owner", details.owner());
        Control control = new Control(clock.instant(), null, null);
        control.describe(details, LocalDate.now(clock), clock.instant());
        return controls.saveAndFlush(control);
    }

    @PreAuthorize(WRITERS)
    public Control update(long id, long expectedVersion, ControlDetails details) {
        Control control = current(id, expectedVersion);
        check(details);
        people.requireKnown("owner", "control's owner", details.owner(), control.getOwner());
        control.describe(details, LocalDate.now(clock), clock.instant());
        return controls.saveAndFlush(control);
    }

    /**
     * The control's "last tested" date and result, as its telemetry tests found them: changed (and audited) only when
     * the day or the result differs, so a test run every minute does not rewrite the control every minute. For the
     * system actor (the telemetry loop, {@link #SYSTEM_MARK_TESTED}) as well as officers and administrators.
     *
     * @return whether the control changed
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER') or hasAuthority('" + SYSTEM_MARK_TESTED + "')")
    public boolean markTested(long id, LocalDate day, ControlVocabulary.TestResult result) {
        Control control = control(id);
        ControlDetails d = control.details();
        if (day.equals(d.lastTestedOn()) && result == d.lastTestResult()) {
            return false;
        }
        control.describe(
                new ControlDetails(
                        d.title(),
                        d.description(),
                        d.type(),
                        d.owner(),
                        d.status(),
                        d.notApplicableReason(),
                        d.testFrequency(),
                        day,
                        result,
                        d.requirements(),
                        d.risks()),
                LocalDate.now(clock),
                clock.instant());
        controls.saveAndFlush(control);
        return true;
    }

    /** Takes a control out of the library, with its mappings and its applications to systems. */
    @PreAuthorize(WRITERS)
    public void remove(long id, long expectedVersion) {
        Control control = current(id, expectedVersion);
        applications.deleteAll(applications.findByControlId(id));
        controls.delete(control);
        controls.flush();
    }

    /** Maps a control to one more requirement, e.g. to close a gap from the coverage screen. */
    @PreAuthorize(WRITERS)
    public Control map(long id, long requirementId, MappingStrength strength) {
        Control control = control(id);
        if (catalog.requirements(List.of(requirementId)).isEmpty()) {
            throw new DomainRuleException("requirementId", "No requirement " + requirementId + ".");
        }
        control.map(requirementId, strength, clock.instant());
        return controls.saveAndFlush(control);
    }

    // the starter library

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<StarterEntry> starterLibrary() {
        Map<String, Long> adopted = new HashMap<>();
        jdbc.query("select starter_id, id from control.control where starter_id is not null", rs -> {
            adopted.put(rs.getString(1), rs.getLong(2));
        });
        return starter.controls().stream()
                .map(c -> new StarterEntry(c, adopted.get(c.id())))
                .toList();
    }

    /**
     * Adopts these starter controls into the library as planned controls owned by the adopter, with their mappings to
     * the installed frameworks; a starter control already adopted is skipped. Returns the controls made.
     */
    @PreAuthorize(WRITERS)
    public List<Control> adopt(Collection<String> starterIds) {
        Map<String, Map<String, RequirementSummary>> index = new HashMap<>();
        List<Control> made = new ArrayList<>();
        Instant now = clock.instant();
        for (String id : new LinkedHashSet<>(starterIds)) {
            StarterControl s = starter.find(id)
                    .orElseThrow(() -> new DomainRuleException("starterIds", "No starter control " + id + "."));
            if (controls.findByStarterId(id).isPresent()) {
                continue;
            }
            Map<Long, MappingStrength> mappings = new LinkedHashMap<>();
            s.mappings().forEach((framework, refs) -> {
                Map<String, RequirementSummary> byRef = index.computeIfAbsent(framework, this::requirementsByRef);
                refs.stream()
                        .map(byRef::get)
                        .filter(r -> r != null)
                        .forEach(r -> mappings.put(r.id(), MappingStrength.FULL));
            });
            Control control = new Control(now, s.id(), s.stage());
            control.describe(
                    new ControlDetails(
                            s.title(),
                            s.description(),
                            s.type(),
                            Actors.current(),
                            ImplementationStatus.PLANNED,
                            null,
                            s.testFrequency(),
                            null,
                            null,
                            mappings,
                            Set.of()),
                    LocalDate.now(clock),
                    now);
            made.add(controls.save(control));
        }
        controls.flush();
        if (!made.isEmpty()) {
            events.publishEvent(new StarterControlsAdopted(
                    made.stream().map(Control::getStarterId).toList()));
        }
        return made;
    }

    private Map<String, RequirementSummary> requirementsByRef(String framework) {
        try {
            return catalog.tree(framework, false).stream()
                    .collect(Collectors.toMap(RequirementSummary::refId, r -> r, (a, b) -> a));
        } catch (NotFoundException e) {
            return Map.of(); // a framework not installed maps nothing
        }
    }

    // applying controls to AI systems

    /** The controls applied to an AI system. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Applied> appliedTo(long systemId) {
        return applied(applications.findBySystemId(systemId));
    }

    /** The AI systems a control is applied to. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Applied> applicationsOf(long controlId) {
        control(controlId);
        return applied(applications.findByControlId(controlId));
    }

    /**
     * Applies a control to AI systems with a starting status there (the library's status when none is given); a
     * system it is applied to already keeps its own status.
     */
    @PreAuthorize(WRITERS)
    public List<Applied> apply(long controlId, Collection<Long> systemIds, ImplementationStatus status) {
        Control control = control(controlId);
        if (systemIds == null || systemIds.isEmpty()) {
            throw new DomainRuleException("systemIds", "Choose at least one AI system.");
        }
        List<ControlApplication> touched = new ArrayList<>();
        for (Long systemId : new LinkedHashSet<>(systemIds)) {
            system(systemId);
            ControlApplication a =
                    applications.findByControlIdAndSystemId(controlId, systemId).orElse(null);
            if (a == null) {
                a = new ControlApplication(controlId, systemId);
                a.record(status == null ? control.getStatus() : status, null, Actors.current(), clock.instant());
                a = applications.save(a);
            }
            touched.add(a);
        }
        applications.flush();
        return applied(touched);
    }

    /**
     * Records the status of a control on one AI system. Officers and administrators may on any system, a system owner
     * on the systems they own.
     */
    @PreAuthorize("hasAnyRole('ADMIN','GOVERNANCE_OFFICER','SYSTEM_OWNER')")
    public Applied recordStatus(
            long controlId, long systemId, long expectedVersion, ImplementationStatus status, String note) {
        AiSystem system = system(systemId);
        if (!Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER") && !system.isOwnedBy(Actors.current())) {
            throw new AccessDeniedException("A system owner records control status on their own systems only.");
        }
        if (status == null) {
            throw new DomainRuleException("status", "Choose the status of the control on this system.");
        }
        if (status == ImplementationStatus.NOT_APPLICABLE && (note == null || note.isBlank())) {
            throw new DomainRuleException("note", "Say why the control does not apply to this system.");
        }
        ControlApplication a = applications
                .findByControlIdAndSystemId(controlId, systemId)
                .orElseThrow(() ->
                        new NotFoundException("Control " + controlId + " is not applied to AI system " + systemId));
        if (a.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Control " + controlId + " on AI system " + systemId
                    + " was changed by someone else (version " + a.getVersion() + ", yours " + expectedVersion + ").");
        }
        a.record(status, note, Actors.current(), clock.instant());
        return applied(List.of(applications.saveAndFlush(a))).getFirst();
    }

    @PreAuthorize(WRITERS)
    public void unapply(long controlId, long systemId) {
        ControlApplication a = applications
                .findByControlIdAndSystemId(controlId, systemId)
                .orElseThrow(() ->
                        new NotFoundException("Control " + controlId + " is not applied to AI system " + systemId));
        applications.delete(a);
        applications.flush();
    }

    /** Whether the signed-in user writes the library (for the screens; the methods check again). */
    public boolean mayEdit() {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER") || Actors.holds(SYSTEM_SEED);
    }

    /** Whether the signed-in user may record a control's status on this system. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayRecordStatus(long systemId) {
        return mayEdit()
                || Actors.hasAnyRole("SYSTEM_OWNER") && system(systemId).isOwnedBy(Actors.current());
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Figures figures() {
        Map<String, Object> row = jdbc.queryForMap("""
                select count(*) as total, count(*) filter (where status = 'IMPLEMENTED') as implemented,
                       count(*) filter (where status = 'NOT_APPLICABLE') as not_applicable
                from control.control""");
        long total = systems.count(AiSystemService.Filter.none());
        Long with = jdbc.queryForObject(
                "select count(distinct ai_system_id) from control.control_application"
                        + " where status <> 'NOT_APPLICABLE'",
                Long.class);
        return new Figures(
                ((Number) row.get("total")).longValue(),
                ((Number) row.get("implemented")).longValue(),
                ((Number) row.get("not_applicable")).longValue(),
                total,
                Math.max(0, total - (with == null ? 0 : with)));
    }

    /** AI systems with no control applied (or only controls that do not apply there), a page of them. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<AiSystem> systemsWithoutControls(int limit) {
        List<AiSystem> out = new ArrayList<>();
        Set<Long> with = new HashSet<>(jdbc.queryForList(
                "select distinct ai_system_id from control.control_application" + " where status <> 'NOT_APPLICABLE'",
                Long.class));
        int page = 0;
        while (out.size() < limit) {
            var found = systems.search(
                    AiSystemService.Filter.none(),
                    org.springframework.data.domain.PageRequest.of(
                            page++, 200, org.springframework.data.domain.Sort.by("name")));
            found.stream()
                    .filter(s -> !with.contains(s.getId()))
                    .limit(limit - out.size())
                    .forEach(out::add);
            if (!found.hasNext()) {
                break;
            }
        }
        return out;
    }

    private List<Applied> applied(List<ControlApplication> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Control> byControl =
                controls
                        .findByIdIn(list.stream()
                                .map(ControlApplication::getControlId)
                                .collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(Control::getId, c -> c));
        Map<Long, String> names = new HashMap<>();
        List<Applied> out = new ArrayList<>();
        for (ControlApplication a : list) {
            Control c = byControl.get(a.getControlId());
            String name =
                    names.computeIfAbsent(a.getSystemId(), id -> systems.get(id).getName());
            out.add(new Applied(
                    a.getId(),
                    c.getId(),
                    c.getTitle(),
                    c.getStatus(),
                    a.getSystemId(),
                    name,
                    a.getStatus(),
                    a.getNote(),
                    a.getUpdatedBy(),
                    a.getUpdatedAt(),
                    a.getVersion()));
        }
        out.sort(java.util.Comparator.comparing(Applied::systemName).thenComparing(Applied::controlTitle));
        return out;
    }

    /** Requirement and risk ids must name records that exist. */
    private void check(ControlDetails d) {
        Checked.valid(validator, d);
        if (!d.requirements().isEmpty()) {
            Set<Long> found = catalog.requirements(d.requirements().keySet()).stream()
                    .map(RequirementSummary::id)
                    .collect(Collectors.toSet());
            Set<Long> missing = new HashSet<>(d.requirements().keySet());
            missing.removeAll(found);
            if (!missing.isEmpty()) {
                throw new DomainRuleException("requirements", "No requirement with id " + missing + ".");
            }
        }
        for (Long risk : d.risks()) {
            try {
                risks.get(risk);
            } catch (NotFoundException e) {
                throw new DomainRuleException("risks", "No risk with id " + risk + ".");
            }
        }
    }

    private Control current(long id, long expectedVersion) {
        Control control = control(id);
        if (control.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException("Control " + id + " was changed by someone else (version "
                    + control.getVersion() + ", yours " + expectedVersion + ").");
        }
        return control;
    }

    private Control control(long id) {
        return controls.findById(id).orElseThrow(() -> new NotFoundException("No control " + id));
    }

    private AiSystem system(long id) {
        return systems.get(id);
    }

    private static Specification<Control> specification(Filter f) {
        return (root, query, cb) -> {
            List<Predicate> parts = new ArrayList<>();
            if (f.text() != null && !f.text().isBlank()) {
                String like = "%"
                        + f.text()
                                .trim()
                                .toLowerCase()
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                parts.add(cb.or(
                        cb.like(cb.lower(root.get("title")), like, '\\'),
                        cb.like(cb.lower(root.get("description")), like, '\\'),
                        cb.like(cb.lower(root.get("starterId")), like, '\\')));
            }
            if (f.status() != null) {
                parts.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.type() != null) {
                parts.add(cb.equal(root.get("type"), f.type()));
            }
            if (f.system() != null) {
                Subquery<Long> sq = query.subquery(Long.class);
                var a = sq.from(ControlApplication.class);
                sq.select(a.get("controlId")).where(cb.equal(a.get("systemId"), f.system()));
                parts.add(root.get("id").in(sq));
            }
            if (f.requirement() != null) {
                Subquery<Long> sq = query.subquery(Long.class);
                var c = sq.from(Control.class);
                var m = c.join("requirements");
                sq.select(c.get("id")).where(cb.equal(m.get("requirementId"), f.requirement()));
                parts.add(root.get("id").in(sq));
            }
            if (f.risk() != null) {
                Subquery<Long> sq = query.subquery(Long.class);
                var c = sq.from(Control.class);
                var r = c.join("risks");
                sq.select(c.get("id")).where(cb.equal(r, f.risk()));
                parts.add(root.get("id").in(sq));
            }
            return cb.and(parts.toArray(Predicate[]::new));
        };
    }
}
