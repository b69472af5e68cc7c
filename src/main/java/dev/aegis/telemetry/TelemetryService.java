package dev.aegis.telemetry;

import dev.aegis.control.ControlService;
import dev.aegis.inventory.AiSystem;
import dev.aegis.inventory.AiSystemService;
import dev.aegis.shared.Actors;
import dev.aegis.shared.DomainRuleException;
import dev.aegis.shared.MetricVocabulary;
import dev.aegis.shared.NotFoundException;
import dev.aegis.telemetry.TelemetryEvents.DeploymentLinked;
import dev.aegis.telemetry.TelemetryEvents.DeploymentUnlinked;
import dev.aegis.telemetry.TelemetryEvents.TelemetrySourceChanged;
import dev.aegis.telemetry.TelemetryEvents.TelemetryTestChanged;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Telemetry sources, the links of AI systems to monitored deployments, and the telemetry tests on controls applied to
 * them. Everyone signed in reads; administrators manage sources; governance officers and administrators link and test
 * any system, a system owner the systems they own. Screens and the API call the same methods.
 */
@Service
@Transactional
public class TelemetryService {

    /** The system actor's permission to link the demo system to the embedded monitor and define its tests (demo). */
    public static final String SYSTEM_SEED = "SYSTEM:telemetry.seed-demo";

    /** The system actor's permission to read tests and results (the AIMS objectives' daily indicator record). */
    public static final String SYSTEM_READ = "SYSTEM:telemetry.read";

    static final String READERS = "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','AUDITOR','VENDOR_MANAGER','SYSTEM_OWNER')"
            + " or hasAuthority('" + SYSTEM_SEED + "') or hasAuthority('" + SYSTEM_READ + "')";
    static final String LINKERS =
            "hasAnyRole('ADMIN','GOVERNANCE_OFFICER','SYSTEM_OWNER') or hasAuthority('" + SYSTEM_SEED + "')";

    private final TelemetrySources sources;
    private final DeploymentLinks links;
    private final TelemetryTests tests;
    private final AiSystemService systems;
    private final ControlService controls;
    private final TestRunner runner;
    private final MonitorClient client;
    private final JdbcTemplate jdbc;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SourceTokens tokens;

    TelemetryService(
            TelemetrySources sources,
            DeploymentLinks links,
            TelemetryTests tests,
            AiSystemService systems,
            ControlService controls,
            TestRunner runner,
            MonitorClient client,
            JdbcTemplate jdbc,
            Validator validator,
            ApplicationEventPublisher events,
            Clock clock,
            SourceTokens tokens) {
        this.tokens = tokens;
        this.sources = sources;
        this.links = links;
        this.tests = tests;
        this.systems = systems;
        this.controls = controls;
        this.runner = runner;
        this.client = client;
        this.jdbc = jdbc;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    /** A link as screens and the API show it, with whether its source answers. */
    public record Link(
            long id,
            long systemId,
            long sourceId,
            String source,
            TelemetrySource.Kind kind,
            String deployment,
            SourceStatus status,
            String linkedBy,
            Instant linkedAt) {}

    /** Whether a source answered lately: live, or stale since its first failure (with the last problem). */
    public record SourceStatus(Instant lastSuccessAt, Instant failingSince, String problem, String breaker) {
        public boolean live() {
            return failingSince == null;
        }

        public String describe() {
            if (failingSince != null) {
                return "data stale since " + Times.short_(failingSince) + (problem == null ? "" : " (" + problem + ")");
            }
            return lastSuccessAt == null ? "not pulled yet" : "live, last answer " + Times.short_(lastSuccessAt);
        }
    }

    /** One recorded run of a test on one linked deployment. */
    public record Result(
            long id,
            long testId,
            String source,
            String deployment,
            TelemetryEvents.Outcome outcome,
            Double figure,
            String subject,
            long sampleSize,
            Instant windowStart,
            Instant windowEnd,
            String reference,
            String binEdges,
            String note,
            Instant recordedAt) {}

    /**
     * A recorded result with the application it tests (system and control) and its test described as it stands now
     * ("PSI < 0.2 on every feature over 1h"), for evidence packs.
     */
    public record RecordedResult(long systemId, long controlId, String metric, String test, Result result) {
        /** The figure as the test's metric formats it, "–" when the run had none. */
        public String figureText() {
            return result.figure() == null ? "–" : MetricVocabulary.format(metric, result.figure());
        }
    }

    // sources

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<TelemetrySource> sources() {
        return sources.findAllByOrderByName();
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public TelemetrySource source(long id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException("No telemetry source " + id));
    }

    public SourceStatus status(TelemetrySource s) {
        return new SourceStatus(
                s.getLastSuccessAt(), s.getFailingSince(), s.getLastError(), client.breakerState(s.getId()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public TelemetrySource addSource(SourceDetails details) {
        check(details);
        if (sources.findByName(details.name().trim()).isPresent()) {
            throw new DomainRuleException(
                    "name", "There is a source named " + details.name().trim() + " already.");
        }
        TelemetrySource s = sources.saveAndFlush(new TelemetrySource(
                details.name().trim(),
                details.kind(),
                details.baseUrl().trim(),
                tokens.seal(details.token()),
                Actors.current(),
                clock.instant()));
        events.publishEvent(new TelemetrySourceChanged(
                s.getId(), s.getName(), s.getKind().name(), s.getBaseUrl(), "ADD", s.hasToken()));
        return s;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public TelemetrySource changeSource(long id, long expectedVersion, SourceDetails details) {
        check(details);
        TelemetrySource s = source(id);
        if (s.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException(
                    "Telemetry source " + s.getName() + " was changed by someone else meanwhile (version "
                            + s.getVersion() + ", yours " + expectedVersion + ").");
        }
        if (!s.getName().equals(details.name().trim())) {
            throw new DomainRuleException(
                    "name", "A source keeps its name (links and results name it); add a new one instead.");
        }
        s.change(details.kind(), details.baseUrl().trim(), tokens.seal(details.token()));
        s = sources.saveAndFlush(s);
        client.reset(s.getId());
        events.publishEvent(new TelemetrySourceChanged(
                s.getId(),
                s.getName(),
                s.getKind().name(),
                s.getBaseUrl(),
                "CHANGE",
                details.token() != null && !details.token().isBlank()));
        return s;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void removeSource(long id) {
        TelemetrySource s = source(id);
        sources.delete(s);
        sources.flush();
        client.reset(id);
        events.publishEvent(new TelemetrySourceChanged(
                s.getId(), s.getName(), s.getKind().name(), s.getBaseUrl(), "REMOVE", false));
    }

    /** An AI system whose telemetry is stale: one of its linked sources has been failing since then. */
    public record StaleSystem(long systemId, String system, String source, String deployment, Instant staleSince) {}

    /**
     * The AI systems with stale telemetry (a linked source failing), the longest stale first; a system owner sees only
     * their own systems.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<StaleSystem> staleSystems(int limit) {
        boolean ownOnly = !Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER", "AUDITOR");
        List<StaleSystem> stale = new java.util.ArrayList<>();
        for (TelemetrySource s : sources.findAll()) {
            if (s.getFailingSince() == null) {
                continue;
            }
            for (DeploymentLink l : links.findBySourceId(s.getId())) {
                var system = systems.get(l.getSystemId());
                if (ownOnly && !system.isOwnedBy(Actors.current())) {
                    continue;
                }
                stale.add(new StaleSystem(
                        system.getId(), system.getName(), s.getName(), l.getDeployment(), s.getFailingSince()));
            }
        }
        stale.sort(java.util.Comparator.comparing(StaleSystem::staleSince).thenComparing(StaleSystem::systemId));
        return stale.stream().limit(Math.max(1, limit)).toList();
    }

    // links

    /** Whether the signed-in user links deployments to and tests this system (for the screens; the methods check again). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean mayManage(long systemId) {
        return Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER")
                || Actors.hasAnyRole("SYSTEM_OWNER") && systems.get(systemId).isOwnedBy(Actors.current());
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Link> links(long systemId) {
        systems.get(systemId);
        Map<Long, TelemetrySource> byId =
                sources.findAll().stream().collect(Collectors.toMap(TelemetrySource::getId, Function.identity()));
        return links.findBySystemIdOrderById(systemId).stream()
                .map(l -> link(l, byId.get(l.getSourceId())))
                .toList();
    }

    @PreAuthorize(LINKERS)
    public Link link(long systemId, long sourceId, String deployment) {
        requireManage(systemId);
        TelemetrySource s = source(sourceId);
        if (deployment == null || deployment.isBlank() || deployment.trim().length() > 200) {
            throw new DomainRuleException(
                    "deployment", "Name the deployment as the source knows it (up to 200 characters).");
        }
        String name = deployment.trim();
        if (links.findBySystemIdAndSourceIdAndDeployment(systemId, sourceId, name)
                .isPresent()) {
            throw new DomainRuleException(
                    "deployment", "This system is linked to " + name + " of " + s.getName() + " already.");
        }
        DeploymentLink l =
                links.saveAndFlush(new DeploymentLink(systemId, sourceId, name, Actors.current(), clock.instant()));
        events.publishEvent(new DeploymentLinked(l.getId(), systemId, s.getName(), name));
        return link(l, s);
    }

    @PreAuthorize(LINKERS)
    public void unlink(long systemId, long linkId) {
        requireManage(systemId);
        DeploymentLink l = links.findById(linkId)
                .filter(x -> x.getSystemId() == systemId)
                .orElseThrow(() -> new NotFoundException("AI system " + systemId + " has no link " + linkId));
        String source =
                sources.findById(l.getSourceId()).map(TelemetrySource::getName).orElse("?");
        links.delete(l);
        links.flush();
        events.publishEvent(new DeploymentUnlinked(linkId, systemId, source, l.getDeployment()));
    }

    // tests

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<TelemetryTest> tests(long systemId) {
        systems.get(systemId);
        return tests.findBySystemIdOrderById(systemId);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public TelemetryTest test(long id) {
        return tests.findById(id).orElseThrow(() -> new NotFoundException("No telemetry test " + id));
    }

    /** Defines a telemetry test on a control applied to a system. */
    @PreAuthorize(LINKERS)
    public TelemetryTest defineTest(long controlId, long systemId, TestDefinition definition) {
        requireManage(systemId);
        if (controls.appliedTo(systemId).stream().noneMatch(a -> a.controlId() == controlId)) {
            throw new DomainRuleException(
                    "controlId",
                    "Control " + controlId + " is not applied to AI system " + systemId
                            + ": apply it first, then test it.");
        }
        TestDefinition d = check(definition);
        TelemetryTest t =
                tests.saveAndFlush(new TelemetryTest(controlId, systemId, d, Actors.current(), clock.instant()));
        events.publishEvent(new TelemetryTestChanged(t.getId(), controlId, systemId, t.describe(), "DEFINE"));
        return t;
    }

    /**
     * Adopts the test suggested for the control's starter reference ({@link SuggestedTests}) on one AI system it is
     * applied to; refused when the control has no suggestion or the system has that test on this control already.
     */
    @PreAuthorize(LINKERS)
    public TelemetryTest adoptSuggestedTest(long controlId, long systemId) {
        var control = controls.get(controlId);
        var suggestion = SuggestedTests.forStarter(control.getStarterId())
                .orElseThrow(() -> new DomainRuleException(
                        "controlId", "Control " + control.reference() + " has no suggested telemetry test."));
        if (hasSuggestedTest(controlId, systemId, suggestion)) {
            throw new DomainRuleException(
                    "controlId",
                    "AI system " + systems.get(systemId).getName() + " has this test on " + control.reference()
                            + " already.");
        }
        return defineTest(controlId, systemId, suggestion.test());
    }

    /** Whether the system tests this control with the suggestion's metric and subject already (any threshold). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public boolean hasSuggestedTest(long controlId, long systemId, SuggestedTests.Suggestion suggestion) {
        return tests.findBySystemIdOrderById(systemId).stream()
                .anyMatch(t -> t.getControlId() == controlId
                        && t.getMetric().equals(suggestion.test().metric())
                        && java.util.Objects.equals(
                                t.getSubject(), suggestion.test().subject()));
    }

    @PreAuthorize(LINKERS)
    public TelemetryTest changeTest(long id, long expectedVersion, TestDefinition definition) {
        TelemetryTest t = test(id);
        requireManage(t.getSystemId());
        if (t.getVersion() != expectedVersion) {
            throw new OptimisticLockingFailureException(
                    "Telemetry test " + id + " was changed by someone else meanwhile" + " (version " + t.getVersion()
                            + ", yours " + expectedVersion + ").");
        }
        t.define(check(definition), clock.instant());
        t = tests.saveAndFlush(t);
        events.publishEvent(
                new TelemetryTestChanged(t.getId(), t.getControlId(), t.getSystemId(), t.describe(), "CHANGE"));
        return t;
    }

    @PreAuthorize(LINKERS)
    public void removeTest(long id) {
        TelemetryTest t = test(id);
        requireManage(t.getSystemId());
        tests.delete(t);
        tests.flush();
        events.publishEvent(new TelemetryTestChanged(id, t.getControlId(), t.getSystemId(), t.describe(), "REMOVE"));
    }

    /** A test's results, newest first, a page of them. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<Result> results(long testId, Pageable page) {
        test(testId);
        Long total =
                jdbc.queryForObject("select count(*) from telemetry.test_result where test_id = ?", Long.class, testId);
        List<Result> rows = jdbc.query(
                "select * from telemetry.test_result where test_id = ? order by window_start desc,"
                        + " id desc limit ? offset ?",
                TelemetryService::result,
                testId,
                page.getPageSize(),
                page.getOffset());
        return new PageImpl<>(rows, page, total == null ? 0 : total);
    }

    /**
     * Every result recorded from {@code from} (inclusive) to {@code to} (exclusive) by the tests of these systems, by
     * system, control, test and window, a page of them (the total counts all).
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Page<RecordedResult> results(Set<Long> systemIds, Instant from, Instant to, Pageable page) {
        if (systemIds.isEmpty()) {
            return new PageImpl<>(List.of(), page, 0);
        }
        Long[] ids = systemIds.toArray(Long[]::new);
        Long total =
                jdbc.queryForObject("""
                select count(*) from telemetry.test_result r join telemetry.telemetry_test t on t.id = r.test_id
                where t.ai_system_id = any(?) and r.recorded_at >= ? and r.recorded_at < ?""", Long.class, ids, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
        List<RecordedResult> rows = jdbc.query(
                """
                select r.*, t.ai_system_id, t.control_id, t.metric, t.subject as test_subject, t.comparison,
                       t.threshold, t.resolution, t.min_sample_size
                from telemetry.test_result r join telemetry.telemetry_test t on t.id = r.test_id
                where t.ai_system_id = any(?) and r.recorded_at >= ? and r.recorded_at < ?
                order by t.ai_system_id, t.control_id, r.test_id, r.window_start, r.id limit ? offset ?""",
                (rs, n) -> new RecordedResult(
                        rs.getLong("ai_system_id"),
                        rs.getLong("control_id"),
                        rs.getString("metric"),
                        TelemetryTest.describe(
                                rs.getString("metric"),
                                rs.getString("test_subject"),
                                Comparison.valueOf(rs.getString("comparison")),
                                rs.getDouble("threshold"),
                                rs.getString("resolution"),
                                rs.getLong("min_sample_size")),
                        result(rs, n)),
                ids,
                java.sql.Timestamp.from(from),
                java.sql.Timestamp.from(to),
                page.getPageSize(),
                page.getOffset());
        return new PageImpl<>(rows, page, total == null ? 0 : total);
    }

    /** How many tests have a result with data and how many of those passed at their newest such result. */
    public record Passing(long tests, long passing) {}

    /**
     * Every telemetry test's newest result that had data (a window without data says nothing either way), and how many
     * of them passed: the AIMS objectives' indicator "telemetry tests passing".
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Passing testsPassing() {
        Map<String, Object> row = jdbc.queryForMap("""
                select count(*) as tests, count(*) filter (where outcome = 'PASSED') as passing from (
                  select distinct on (test_id) outcome from telemetry.test_result where outcome <> 'NO_DATA'
                  order by test_id, window_start desc, id desc) newest""");
        return new Passing(((Number) row.get("tests")).longValue(), ((Number) row.get("passing")).longValue());
    }

    /** The newest result of each of a system's tests, by test id. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Map<Long, Result> latestResults(long systemId) {
        return jdbc.query("""
                select distinct on (r.test_id) r.* from telemetry.test_result r
                join telemetry.telemetry_test t on t.id = r.test_id
                where t.ai_system_id = ? order by r.test_id, r.window_start desc, r.id desc""", TelemetryService::result, systemId).stream()
                .collect(Collectors.toMap(Result::testId, r -> r));
    }

    /**
     * Runs a system's tests now, against the newest complete window of each ("Run now"). A window already recorded is
     * not recorded twice, whoever ran it first.
     */
    @PreAuthorize(LINKERS)
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public List<Result> runNow(long systemId) {
        requireManage(systemId);
        return runner.run(systemId, clock.instant());
    }

    static Result result(ResultSet rs, int row) throws SQLException {
        double figure = rs.getDouble("figure");
        return new Result(
                rs.getLong("id"),
                rs.getLong("test_id"),
                rs.getString("source"),
                rs.getString("deployment"),
                TelemetryEvents.Outcome.valueOf(rs.getString("outcome")),
                rs.wasNull() ? null : figure,
                rs.getString("subject"),
                rs.getLong("sample_size"),
                rs.getTimestamp("window_start").toInstant(),
                rs.getTimestamp("window_end").toInstant(),
                rs.getString("reference"),
                rs.getString("bin_edges"),
                rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    private Link link(DeploymentLink l, TelemetrySource s) {
        return new Link(
                l.getId(),
                l.getSystemId(),
                l.getSourceId(),
                s == null ? "?" : s.getName(),
                s == null ? null : s.getKind(),
                l.getDeployment(),
                s == null ? null : status(s),
                l.getLinkedBy(),
                l.getLinkedAt());
    }

    private void requireManage(long systemId) {
        AiSystem system = systems.get(systemId);
        if (!Actors.hasAnyRole("ADMIN", "GOVERNANCE_OFFICER")
                && !Actors.holds(SYSTEM_SEED)
                && !system.isOwnedBy(Actors.current())) {
            throw new AccessDeniedException("A system owner links and tests their own AI systems only.");
        }
    }

    private TestDefinition check(TestDefinition d) {
        if (d == null) {
            throw new DomainRuleException("Describe the test.");
        }
        firstViolation(validator.validate(d));
        String metric = Metrics.normalise(d.metric());
        if (metric == null) {
            throw new DomainRuleException("metric", "The metric is one of " + String.join(", ", Metrics.NAMES) + ".");
        }
        if (!Double.isFinite(d.threshold())) {
            throw new DomainRuleException("threshold", "Give the threshold as a number.");
        }
        return new TestDefinition(
                metric, d.subject(), d.comparison(), d.threshold(), d.window(), d.minSampleSize(), d.query());
    }

    private void check(SourceDetails d) {
        if (d == null) {
            throw new DomainRuleException("Describe the source.");
        }
        firstViolation(validator.validate(d));
    }

    private static <T> void firstViolation(Set<ConstraintViolation<T>> violations) {
        violations.stream()
                .min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new DomainRuleException(v.getPropertyPath().toString(), v.getMessage());
                });
    }
}
