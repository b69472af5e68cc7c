package dev.aegis.control;

import dev.aegis.control.ControlVocabulary.CoverageLevel;
import dev.aegis.control.ControlVocabulary.ImplementationStatus;
import dev.aegis.control.ControlVocabulary.MappingStrength;
import dev.aegis.control.CoverageArithmetic.Link;
import dev.aegis.control.CoverageArithmetic.Result;
import dev.aegis.framework.CatalogViews.FrameworkSummary;
import dev.aegis.framework.CatalogViews.RequirementSummary;
import dev.aegis.framework.FrameworkCatalog;
import dev.aegis.framework.Relationship;
import dev.aegis.inventory.ScopeService;
import dev.aegis.risk.Risk;
import dev.aegis.risk.RiskService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which requirements our controls meet, per framework, for one AI system or for the organisation. A requirement is
 * covered when an implemented control meets it fully, partly covered when the controls meeting it are only planned or
 * in progress or meet it only in part, and not covered otherwise; crosswalks carry coverage between frameworks as
 * {@link CoverageArithmetic} says. For an AI system the requirements are those in its scope and the controls those
 * applied to it, with their status there; for the organisation the requirements are every assessable requirement and
 * the controls the library's, with their library status. The heavy part is one grouped SQL query over the control
 * tables, never a query per requirement.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize(ControlService.READERS)
public class CoverageService {

    private final JdbcTemplate jdbc;
    private final FrameworkCatalog catalog;
    private final ScopeService scope;
    private final RiskService risks;
    private final CrosswalkLinks crosswalks;
    private final List<RequirementRecords> records;
    private final java.time.Clock clock;

    CoverageService(
            JdbcTemplate jdbc,
            FrameworkCatalog catalog,
            ScopeService scope,
            RiskService risks,
            CrosswalkLinks crosswalks,
            org.springframework.beans.factory.ObjectProvider<RequirementRecords> records,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.scope = scope;
        this.risks = risks;
        this.crosswalks = crosswalks;
        this.records = records.orderedStream().toList();
        this.clock = clock;
    }

    /** The path coverage took when it came through a crosswalk. */
    public record Via(
            RequirementSummary from, List<String> crosswalks, List<String> crosswalkNames, Relationship weakest) {
        /** e.g. "through NIST AI RMF → ISO/IEC 42001 from GOVERN 1.1 (related)". */
        public String describe() {
            // the crosswalk's name says which framework the requirement is in: no catalog code on screens or PDFs
            return "through " + String.join(" and ", crosswalkNames) + " from " + from.refId() + " (weakest link: "
                    + weakest.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
        }
    }

    /**
     * One requirement's coverage: its level, what directly mapped controls give, how many distinct controls meet it
     * directly, and the crosswalk path when the level came through one. {@code systemsCovered} (organisation only)
     * counts the AI systems on which an implemented control applied there meets it fully. {@code records} names the
     * records in force that meet it directly ({@link RequirementRecords}), e.g. the published AI policy.
     */
    public record RequirementCoverage(
            RequirementSummary requirement,
            CoverageLevel level,
            CoverageLevel direct,
            int controls,
            Via via,
            Long systemsCovered,
            List<String> records) {
        public boolean throughCrosswalk() {
            return via != null;
        }

        /** "Met by AI policy POL-001 version 2, in force since 2026-12-01", or empty when no record meets it. */
        public String recordsSentence() {
            return records == null || records.isEmpty() ? "" : "Met by " + String.join("; ", records);
        }
    }

    /** A framework's coverage for one system (or the organisation when {@code systemId} is null). */
    public record FrameworkCoverage(
            String frameworkCode, String frameworkName, Long systemId, List<RequirementCoverage> requirements) {
        public long count(CoverageLevel level) {
            return requirements.stream().filter(r -> r.level() == level).count();
        }

        /** Covered requirements, partly covered ones counting half, in percent. */
        public int percent() {
            return requirements.isEmpty()
                    ? 0
                    : (int) Math.round(100.0
                            * (count(CoverageLevel.COVERED) + 0.5 * count(CoverageLevel.PARTIAL))
                            / requirements.size());
        }
    }

    /** A control behind a coverage cell: met directly or through a crosswalk from another requirement. */
    public record ControlBehind(
            long controlId,
            String title,
            ImplementationStatus status,
            MappingStrength strength,
            RequirementSummary through,
            String crosswalk,
            Relationship relationship) {}

    /** What is behind one cell of the matrix. */
    public record Cell(
            RequirementCoverage coverage, Long systemId, List<ControlBehind> controls, List<RiskRef> risks) {}

    public record RiskRef(long id, String title, int inherentScore) {}

    /** A framework's coverage for one AI system (its scope) or, when {@code systemId} is null, the organisation. */
    public FrameworkCoverage framework(String frameworkCode, Long systemId) {
        FrameworkSummary framework = catalog.framework(frameworkCode);
        List<RequirementSummary> all = catalog.tree(frameworkCode, false);
        if (systemId == null) {
            List<RequirementSummary> assessable =
                    all.stream().filter(RequirementSummary::assessable).toList();
            Map<Long, Long> systems = systemsCovered(
                    assessable.stream().map(RequirementSummary::id).toList());
            return new FrameworkCoverage(
                    framework.code(), framework.name(), null, evaluate(assessable, organisationDirect(), systems));
        }
        Set<Long> inScope = scope.requirementsInScope(List.of(systemId)).get(systemId);
        List<RequirementSummary> requirements =
                all.stream().filter(r -> inScope.contains(r.id())).toList();
        return new FrameworkCoverage(
                framework.code(),
                framework.name(),
                systemId,
                evaluate(requirements, systemDirect(List.of(systemId)).getOrDefault(systemId, Map.of()), null));
    }

    /** Every framework's coverage for the organisation (for the dashboard and the overview). */
    public List<FrameworkCoverage> organisation() {
        Map<Long, Direct> direct = organisationDirect();
        List<FrameworkCoverage> out = new ArrayList<>();
        for (FrameworkSummary f : catalog.frameworks()) {
            List<RequirementSummary> assessable = catalog.tree(f.code(), false).stream()
                    .filter(RequirementSummary::assessable)
                    .toList();
            out.add(new FrameworkCoverage(f.code(), f.name(), null, evaluate(assessable, direct, null)));
        }
        return out;
    }

    /**
     * The matrix: a framework's coverage for each of these AI systems, by system id and requirement id; a requirement
     * not in a system's scope has no entry for it.
     */
    public Map<Long, Map<Long, RequirementCoverage>> matrix(String frameworkCode, List<Long> systemIds) {
        List<RequirementSummary> all = catalog.tree(frameworkCode, false);
        Map<Long, Set<Long>> inScope = scope.requirementsInScope(systemIds);
        Map<Long, Map<Long, Direct>> direct = systemDirect(systemIds);
        Map<Long, Map<Long, RequirementCoverage>> out = new LinkedHashMap<>();
        for (Long systemId : systemIds) {
            Set<Long> ids = inScope.getOrDefault(systemId, Set.of());
            List<RequirementSummary> requirements =
                    all.stream().filter(r -> ids.contains(r.id())).toList();
            out.put(
                    systemId,
                    evaluate(requirements, direct.getOrDefault(systemId, Map.of()), null).stream()
                            .collect(Collectors.toMap(c -> c.requirement().id(), Function.identity())));
        }
        return out;
    }

    /** The gaps: requirements not covered or only partly, worst first. */
    public List<RequirementCoverage> gaps(String frameworkCode, Long systemId) {
        return framework(frameworkCode, systemId).requirements().stream()
                .filter(r -> r.level() != CoverageLevel.COVERED)
                .sorted(Comparator.comparing(RequirementCoverage::level))
                .toList();
    }

    /**
     * The controls and risks behind one requirement for one AI system (or the organisation): the controls mapped to it
     * and those mapped to requirements a crosswalk links it to, each control once, and the risks bearing on it.
     */
    public Cell cell(long requirementId, Long systemId) {
        RequirementSummary requirement = catalog.requirements(List.of(requirementId)).stream()
                .findFirst()
                .orElseThrow(() -> new dev.aegis.shared.NotFoundException("No requirement " + requirementId));
        CrosswalkLinks.Snapshot snapshot = crosswalks.get();
        Map<Long, Link> neighbours = new LinkedHashMap<>();
        for (Link l : snapshot.links()) {
            if (l.source() == requirementId) {
                neighbours.putIfAbsent(
                        l.target(),
                        new Link(l.crosswalk(), l.target(), l.source(), CoverageArithmetic.inverse(l.relationship())));
            } else if (l.target() == requirementId) {
                neighbours.putIfAbsent(l.source(), l);
            }
        }
        List<Long> ids = new ArrayList<>(neighbours.keySet());
        ids.add(requirementId);
        String sql = """
                select c.id, c.title, %s as status, cr.strength, cr.requirement_id
                from control.control_requirement cr join control.control c on c.id = cr.control_id
                %s
                where cr.requirement_id = any(?) %s
                order by c.title""".formatted(
                        systemId == null ? "c.status" : "a.status",
                        systemId == null ? "" : "join control.control_application a on a.control_id = c.id",
                        systemId == null ? "" : "and a.ai_system_id = " + systemId.longValue());
        Map<Long, RequirementSummary> others = catalog.requirements(neighbours.keySet()).stream()
                .collect(Collectors.toMap(RequirementSummary::id, Function.identity()));
        Map<Long, ControlBehind> behind = new LinkedHashMap<>();
        List<ControlBehind> through = new ArrayList<>();
        jdbc.query(
                sql,
                rs -> {
                    long req = rs.getLong(5);
                    long control = rs.getLong(1);
                    ImplementationStatus status = ImplementationStatus.valueOf(rs.getString(3));
                    MappingStrength strength = MappingStrength.valueOf(rs.getString(4));
                    if (req == requirementId) {
                        behind.put(
                                control,
                                new ControlBehind(control, rs.getString(2), status, strength, null, null, null));
                    } else {
                        Link l = neighbours.get(req);
                        through.add(new ControlBehind(
                                control,
                                rs.getString(2),
                                status,
                                strength,
                                others.get(req),
                                l.crosswalk(),
                                l.relationship()));
                    }
                },
                (Object) longs(ids));
        through.forEach(c -> behind.putIfAbsent(c.controlId(), c));
        RequirementCoverage coverage;
        if (systemId == null) {
            coverage = evaluate(List.of(requirement), organisationDirect(), systemsCovered(List.of(requirementId)))
                    .getFirst();
        } else {
            coverage = evaluate(
                            List.of(requirement),
                            systemDirect(List.of(systemId)).getOrDefault(systemId, Map.of()),
                            null)
                    .getFirst();
        }
        List<RiskRef> riskRefs = risks
                .search(
                        new RiskService.Filter(null, null, null, null, null, requirementId, systemId),
                        PageRequest.of(0, 50))
                .stream()
                .map(r -> new RiskRef(r.getId(), r.getTitle(), r.getInherentScore()))
                .collect(Collectors.toCollection(ArrayList::new));
        Set<Long> mitigated = mitigatedRisks(behind.keySet());
        for (Long id : mitigated) {
            if (riskRefs.stream().noneMatch(r -> r.id() == id)) {
                Risk r = risks.get(id);
                if (systemId == null || r.getSystems().contains(systemId)) {
                    riskRefs.add(new RiskRef(r.getId(), r.getTitle(), r.getInherentScore()));
                }
            }
        }
        return new Cell(coverage, systemId, List.copyOf(behind.values()), riskRefs);
    }

    /** A control application's status at a moment, as the caller reconstructed it (e.g. the evidence pack). */
    public record ApplicationState(long controlId, long systemId, ImplementationStatus status) {}

    /**
     * A framework's coverage for a scope as the registers stood at a moment, computed exactly as
     * {@link #framework(String, Long)} does today: for the organisation ({@code systemIds} empty) every assessable
     * requirement, met by the controls with their library status; for AI systems the requirements in their scope, met
     * by the controls applied there with their status there. The caller gives each control's library status and each
     * application's status at that moment (a control or application missing did not exist then); control-to-requirement
     * mappings, crosswalks and scopes are today's. For several systems a requirement stands at its weakest level among
     * the systems whose scope includes it (the path shown is that system's). Given today's states it answers what
     * {@link #framework(String, Long)} answers, requirement by requirement.
     */
    public FrameworkCoverage scope(
            String frameworkCode,
            Collection<Long> systemIds,
            Map<Long, ImplementationStatus> controls,
            Collection<ApplicationState> applications) {
        return scope(frameworkCode, systemIds, controls, applications, clock.instant());
    }

    /**
     * As {@link #scope(String, Collection, Map, Collection)}, with the records in force at that moment
     * ({@link RequirementRecords}) rather than now: an evidence pack as of a past day counts the AI policy that was in
     * force then.
     */
    public FrameworkCoverage scope(
            String frameworkCode,
            Collection<Long> systemIds,
            Map<Long, ImplementationStatus> controls,
            Collection<ApplicationState> applications,
            java.time.Instant at) {
        Map<Long, List<String>> met = recordsAt(at);
        FrameworkSummary framework = catalog.framework(frameworkCode);
        List<RequirementSummary> all = catalog.tree(frameworkCode, false);
        Map<Long, Map<Long, MappingStrength>> mappings = mappings();
        if (systemIds == null || systemIds.isEmpty()) {
            List<RequirementSummary> assessable =
                    all.stream().filter(RequirementSummary::assessable).toList();
            Map<Long, Direct> direct = withRecords(
                    direct(
                            mappings,
                            controls.entrySet().stream()
                                    .map(e -> Map.entry(e.getKey(), e.getValue()))
                                    .toList(),
                            controls),
                    met);
            Map<Long, Set<Long>> systems = new HashMap<>();
            for (ApplicationState a : applications) {
                mappings.getOrDefault(a.controlId(), Map.of()).forEach((req, strength) -> {
                    if (strength == MappingStrength.FULL
                            && a.status() == ImplementationStatus.IMPLEMENTED
                            && usable(controls.get(a.controlId()))) {
                        systems.computeIfAbsent(req, k -> new java.util.HashSet<>())
                                .add(a.systemId());
                    }
                });
            }
            Map<Long, Long> covered = new HashMap<>();
            systems.forEach((req, s) -> covered.put(req, (long) s.size()));
            return new FrameworkCoverage(
                    framework.code(), framework.name(), null, evaluate(assessable, direct, covered));
        }
        Map<Long, Set<Long>> inScope = scope.requirementsInScope(List.copyOf(systemIds));
        Map<Long, RequirementCoverage> worst = new LinkedHashMap<>();
        for (Long systemId : systemIds) {
            Set<Long> ids = inScope.getOrDefault(systemId, Set.of());
            List<RequirementSummary> requirements =
                    all.stream().filter(r -> ids.contains(r.id())).toList();
            List<Map.Entry<Long, ImplementationStatus>> applied = applications.stream()
                    .filter(a -> a.systemId() == systemId)
                    .map(a -> Map.entry(a.controlId(), a.status()))
                    .toList();
            for (RequirementCoverage c :
                    evaluate(requirements, withRecords(direct(mappings, applied, controls), met), null)) {
                worst.merge(c.requirement().id(), c, (a, b) -> b.level().compareTo(a.level()) < 0 ? b : a);
            }
        }
        List<RequirementCoverage> ordered = all.stream()
                .map(r -> worst.get(r.id()))
                .filter(java.util.Objects::nonNull)
                .toList();
        return new FrameworkCoverage(
                framework.code(),
                framework.name(),
                systemIds.size() == 1 ? systemIds.iterator().next() : null,
                ordered);
    }

    /** Every control's mappings: control id → requirement id → strength. */
    private Map<Long, Map<Long, MappingStrength>> mappings() {
        Map<Long, Map<Long, MappingStrength>> out = new HashMap<>();
        jdbc.query("select control_id, requirement_id, strength from control.control_requirement", rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .put(rs.getLong(2), MappingStrength.valueOf(rs.getString(3)));
        });
        return out;
    }

    /**
     * The same rule as {@link #LEVEL}: a requirement is met fully by an implemented control mapped in full, in part by
     * any other control that is not "not applicable" (nor "not applicable" in the library).
     */
    private static Map<Long, Direct> direct(
            Map<Long, Map<Long, MappingStrength>> mappings,
            List<Map.Entry<Long, ImplementationStatus>> statuses,
            Map<Long, ImplementationStatus> library) {
        Map<Long, Integer> best = new HashMap<>();
        Map<Long, Set<Long>> controls = new HashMap<>();
        for (Map.Entry<Long, ImplementationStatus> s : statuses) {
            if (!usable(s.getValue()) || !usable(library.get(s.getKey()))) {
                continue;
            }
            mappings.getOrDefault(s.getKey(), Map.of()).forEach((req, strength) -> {
                int level =
                        s.getValue() == ImplementationStatus.IMPLEMENTED && strength == MappingStrength.FULL ? 2 : 1;
                best.merge(req, level, Math::max);
                controls.computeIfAbsent(req, k -> new java.util.HashSet<>()).add(s.getKey());
            });
        }
        Map<Long, Direct> out = new HashMap<>();
        best.forEach((req, level) ->
                out.put(req, new Direct(level(level), controls.get(req).size())));
        return out;
    }

    /** A control (or application) that existed and is not "not applicable". */
    private static boolean usable(ImplementationStatus status) {
        return status != null && status != ImplementationStatus.NOT_APPLICABLE;
    }

    // the arithmetic's inputs

    /** The direct coverage of one requirement: level and number of distinct controls. */
    record Direct(CoverageLevel level, int controls, List<String> records) {
        Direct(CoverageLevel level, int controls) {
            this(level, controls, List.of());
        }
    }

    /**
     * The requirements records in force at that moment meet ({@link RequirementRecords}), by requirement id, each with
     * the records meeting it.
     */
    Map<Long, List<String>> recordsAt(java.time.Instant at) {
        Map<Long, List<String>> out = new HashMap<>();
        Map<String, java.util.Optional<RequirementSummary>> found = new HashMap<>();
        for (RequirementRecords source : records) {
            for (RequirementRecords.Met met : source.metAt(at)) {
                found.computeIfAbsent(
                                met.frameworkCode() + "\u0000" + met.refId(),
                                k -> catalog.find(met.frameworkCode(), met.refId()))
                        .ifPresent(r -> out.computeIfAbsent(r.id(), k -> new ArrayList<>())
                                .add(met.record()));
            }
        }
        return out;
    }

    /** Direct coverage with the records in force added: a requirement a record meets is covered. */
    private static Map<Long, Direct> withRecords(Map<Long, Direct> direct, Map<Long, List<String>> records) {
        if (records.isEmpty()) {
            return direct;
        }
        Map<Long, Direct> out = new HashMap<>(direct);
        records.forEach((req, names) -> {
            Direct d = out.get(req);
            out.put(req, new Direct(CoverageLevel.COVERED, d == null ? 0 : d.controls(), List.copyOf(names)));
        });
        return out;
    }

    private static final String LEVEL = """
            max(case when %1$s = 'IMPLEMENTED' and cr.strength = 'FULL' then 2 else 1 end)""";

    /** The library's direct coverage of every requirement any control maps to. */
    Map<Long, Direct> organisationDirect() {
        Map<Long, Direct> out = new HashMap<>();
        jdbc.query(
                "select cr.requirement_id, " + LEVEL.formatted("c.status") + ", count(distinct c.id)"
                        + " from control.control_requirement cr join control.control c on c.id = cr.control_id"
                        + " where c.status <> 'NOT_APPLICABLE' group by cr.requirement_id",
                rs -> {
                    out.put(rs.getLong(1), new Direct(level(rs.getInt(2)), rs.getInt(3)));
                });
        return withRecords(out, recordsAt(clock.instant()));
    }

    /** The direct coverage on each of these systems, from the controls applied there, with their status there. */
    Map<Long, Map<Long, Direct>> systemDirect(Collection<Long> systemIds) {
        Map<Long, Map<Long, Direct>> out = new HashMap<>();
        jdbc.query(
                "select a.ai_system_id, cr.requirement_id, " + LEVEL.formatted("a.status")
                        + ", count(distinct a.control_id)"
                        + " from control.control_application a"
                        + " join control.control c on c.id = a.control_id"
                        + " join control.control_requirement cr on cr.control_id = a.control_id"
                        + " where a.ai_system_id = any(?) and a.status <> 'NOT_APPLICABLE' and c.status <> 'NOT_APPLICABLE'"
                        + " group by a.ai_system_id, cr.requirement_id",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getLong(2), new Direct(level(rs.getInt(3)), rs.getInt(4)));
                },
                (Object) longs(systemIds));
        Map<Long, List<String>> met = recordsAt(clock.instant());
        if (!met.isEmpty()) {
            for (Long systemId : systemIds) {
                out.put(systemId, withRecords(out.getOrDefault(systemId, Map.of()), met));
            }
        }
        return out;
    }

    /** Per requirement, the AI systems on which an implemented control applied there meets it fully. */
    Map<Long, Long> systemsCovered(Collection<Long> requirementIds) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.query(
                "select cr.requirement_id, count(distinct a.ai_system_id)"
                        + " from control.control_requirement cr"
                        + " join control.control_application a on a.control_id = cr.control_id"
                        + " join control.control c on c.id = cr.control_id"
                        + " where cr.requirement_id = any(?) and cr.strength = 'FULL' and a.status = 'IMPLEMENTED'"
                        + " and c.status <> 'NOT_APPLICABLE' group by cr.requirement_id",
                rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                },
                (Object) longs(requirementIds));
        return out;
    }

    private Set<Long> mitigatedRisks(Collection<Long> controlIds) {
        if (controlIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList(
                "select distinct risk_id from control.control_risk where control_id = any(?)", Long.class, (Object)
                        longs(controlIds)));
    }

    private List<RequirementCoverage> evaluate(
            List<RequirementSummary> requirements, Map<Long, Direct> direct, Map<Long, Long> systems) {
        CrosswalkLinks.Snapshot snapshot = crosswalks.get();
        Map<Long, CoverageLevel> levels = new HashMap<>();
        direct.forEach((id, d) -> levels.put(id, d.level()));
        Map<Long, Result> carried = CoverageArithmetic.carry(levels, snapshot.links());
        Map<Long, RequirementSummary> origins = catalog
                .requirements(carried.values().stream()
                        .filter(r -> r.via() != null)
                        .map(r -> r.via().fromRequirement())
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(RequirementSummary::id, Function.identity()));
        List<RequirementCoverage> out = new ArrayList<>(requirements.size());
        for (RequirementSummary r : requirements) {
            Result result = carried.get(r.id());
            Direct d = direct.get(r.id());
            int controls = d == null ? 0 : d.controls();
            Long covered = systems == null ? null : systems.getOrDefault(r.id(), 0L);
            List<String> met = d == null ? List.of() : d.records();
            if (result == null) {
                out.add(new RequirementCoverage(
                        r, CoverageLevel.NOT_COVERED, CoverageLevel.NOT_COVERED, controls, null, covered, met));
            } else {
                Via via = result.via() == null
                        ? null
                        : new Via(
                                origins.get(result.via().fromRequirement()),
                                result.via().crosswalks(),
                                result.via().crosswalks().stream()
                                        .map(c -> snapshot.names().getOrDefault(c, c))
                                        .toList(),
                                result.via().weakest());
                out.add(new RequirementCoverage(r, result.level(), result.direct(), controls, via, covered, met));
            }
        }
        return out;
    }

    /** Summary counts by level, e.g. for a chart. */
    public static Map<CoverageLevel, Long> counts(FrameworkCoverage coverage) {
        Map<CoverageLevel, Long> out = new EnumMap<>(CoverageLevel.class);
        for (CoverageLevel l : CoverageLevel.values()) {
            out.put(l, coverage.count(l));
        }
        return out;
    }

    private static CoverageLevel level(int n) {
        return n >= 2 ? CoverageLevel.COVERED : n == 1 ? CoverageLevel.PARTIAL : CoverageLevel.NOT_COVERED;
    }

    private static Long[] longs(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
