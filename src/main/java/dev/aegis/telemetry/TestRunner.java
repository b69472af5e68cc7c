package dev.aegis.telemetry;

import dev.aegis.control.ControlService;
import dev.aegis.control.ControlVocabulary;
import dev.aegis.shared.Actors;
import dev.aegis.shared.MetricVocabulary;
import dev.aegis.telemetry.TelemetryEvents.ControlFacts;
import dev.aegis.telemetry.TelemetryEvents.ControlTestRecorded;
import dev.aegis.telemetry.TelemetryEvents.MonitorAlertObserved;
import dev.aegis.telemetry.TelemetryEvents.Outcome;
import dev.aegis.telemetry.TelemetryEvents.SystemFacts;
import dev.aegis.telemetry.TelemetryService.Result;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Runs telemetry tests against the deployments their system is linked to, and watches the alerts of linked
 * deployments. A test is judged on the newest complete window of its resolution; each (test, link, window) is
 * recorded once, whoever runs it first (the schedule, another instance, "Run now") — except that a window recorded
 * without data is recorded again, once, when its data arrives. Every recorded result is announced as
 * {@link ControlTestRecorded} in the transaction that stores it, carrying what its listeners need to know about the
 * system and the control ({@link LoopFacts}, read before the transaction); pulls happen outside any transaction.
 * The control's "last tested" mark is set by the system actor, whoever started the run.
 */
@Component
class TestRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TestRunner.class);

    private final TelemetrySources sources;
    private final DeploymentLinks links;
    private final TelemetryTests tests;
    private final MonitorClient client;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ControlService controls;
    private final LoopFacts facts;

    TestRunner(
            TelemetrySources sources,
            DeploymentLinks links,
            TelemetryTests tests,
            MonitorClient client,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            ControlService controls,
            LoopFacts facts) {
        this.controls = controls;
        this.facts = facts;
        this.sources = sources;
        this.links = links;
        this.tests = tests;
        this.client = client;
        this.jdbc = jdbc;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What one evaluation found, before it is stored. */
    record Evaluation(
            Outcome outcome,
            Double figure,
            String subject,
            long sampleSize,
            Instant windowStart,
            Instant windowEnd,
            String reference,
            String binEdges,
            String note) {}

    /** Runs every test of every system; returns how many results were recorded. */
    int runAll(Instant at) {
        int recorded = 0;
        for (TelemetryTest test : tests.findAllByOrderById()) {
            recorded += run(test, at).size();
        }
        return recorded;
    }

    /** Runs one system's tests at {@code at}; returns the results this run recorded. */
    List<Result> run(long systemId, Instant at) {
        List<Result> out = new ArrayList<>();
        for (TelemetryTest test : tests.findBySystemIdOrderById(systemId)) {
            out.addAll(run(test, at));
        }
        return out;
    }

    private List<Result> run(TelemetryTest test, Instant at) {
        Map<Long, TelemetrySource> byId =
                sources.findAll().stream().collect(Collectors.toMap(TelemetrySource::getId, Function.identity()));
        List<Result> out = new ArrayList<>();
        Facts announced = null;
        for (DeploymentLink link : links.findBySystemIdOrderById(test.getSystemId())) {
            TelemetrySource source = byId.get(link.getSourceId());
            if (source == null) {
                continue;
            }
            if (announced == null) {
                announced = facts(test);
                if (announced == null) {
                    return out;
                }
            }
            Result r = record(test, link, source, evaluate(test, source, link.getDeployment(), at), announced);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** What a result of this test announces of its system and control, read once per run. */
    private record Facts(SystemFacts system, ControlFacts control) {}

    /** The facts of the test's system and control; null (and a warning) when either is gone. */
    private Facts facts(TelemetryTest test) {
        SystemFacts system = facts.system(test.getSystemId());
        ControlFacts control = system == null ? null : facts.control(test.getControlId(), test.getSystemId());
        if (system == null || control == null) {
            log.warn("Telemetry test {} names a system or control that is gone; not run", test.getId());
            return null;
        }
        return new Facts(system, control);
    }

    /** Stores and announces an evaluation; a pass or a failure becomes the control's last test. */
    private Result record(TelemetryTest test, DeploymentLink link, TelemetrySource source, Evaluation e, Facts f) {
        Result r = store(test, link, source, e, f.system(), f.control());
        if (r != null && r.outcome() != Outcome.NO_DATA) {
            markTested(test.getControlId(), r.outcome(), r.recordedAt());
        }
        return r;
    }

    Evaluation evaluate(TelemetryTest test, TelemetrySource source, String deployment, Instant at) {
        Duration width = width(test.getResolution());
        Instant end = floor(at, width);
        Instant start = end.minus(width);
        if (source.getKind() == TelemetrySource.Kind.PROMETHEUS) {
            return prometheus(test, source, start, end);
        }
        String dep = URLEncoder.encode(deployment, StandardCharsets.UTF_8);
        if (!Metrics.figure(test.getMetric())) {
            MonitorClient.Pull pull = client.monitor(
                    source,
                    "/monitor/v1/deployments/" + dep + "/windows?resolution=" + test.getResolution() + "&from=" + start
                            + "&to=" + end);
            if (!pull.ok()) {
                return noData(start, end, "source " + pull.problem());
            }
            for (JsonNode w : pull.body()) {
                if (Instant.parse(w.path("start").asString()).equals(start)) {
                    long count = w.path("count").asLong();
                    JsonNode value = switch (test.getMetric()) {
                        case "TRAFFIC" -> w.path("count");
                        case "ERROR_RATE" -> w.path("errorRate");
                        case "LATENCY_P50" -> w.path("latencyP50Ms");
                        case "LATENCY_P95" -> w.path("latencyP95Ms");
                        default -> w.path("latencyP99Ms");
                    };
                    return judge(test, value.isNumber() ? value.asDouble() : null, null, count, start, end, null, null);
                }
            }
            return noData(start, end, "no traffic in the window");
        }
        // figures are computed a little after their window closes: judge the newest of the last two windows
        MonitorClient.Pull pull = client.monitor(
                source,
                "/monitor/v1/deployments/" + dep + "/figures?metric=" + test.getMetric() + "&resolution="
                        + test.getResolution() + "&from=" + start.minus(width) + "&to=" + end);
        if (!pull.ok()) {
            return noData(start, end, "source " + pull.problem());
        }
        Instant newest = null;
        for (JsonNode f : pull.body()) {
            Instant ws = Instant.parse(f.path("windowStart").asString());
            if (newest == null || ws.isAfter(newest)) {
                newest = ws;
            }
        }
        if (newest == null) {
            return noData(
                    start,
                    end,
                    "no " + MetricVocabulary.metricInSentence(test.getMetric()) + " computed for the window yet");
        }
        JsonNode worst = null;
        for (JsonNode f : pull.body()) {
            if (!Instant.parse(f.path("windowStart").asString()).equals(newest)
                    || !f.path("value").isNumber()) {
                continue;
            }
            String subject = f.path("subject").isString() ? f.path("subject").asString() : "";
            if (test.getSubject() != null && !test.getSubject().equals(subject)) {
                continue;
            }
            if (worst == null
                    || test.getComparison()
                                    .worse(
                                            worst.path("value").asDouble(),
                                            f.path("value").asDouble())
                            != worst.path("value").asDouble()) {
                worst = f;
            }
        }
        Instant windowEnd = newest.plus(width);
        if (worst == null) {
            return noData(
                    newest,
                    windowEnd,
                    test.getSubject() == null
                            ? "no figure with a value in the window"
                            : "no figure for " + test.getSubject() + " in the window");
        }
        return judge(
                test,
                worst.path("value").asDouble(),
                worst.path("subject").isString() ? worst.path("subject").asString() : null,
                worst.path("sampleSize").asLong(0),
                newest,
                windowEnd,
                text(worst.path("reference")),
                text(worst.path("binEdges")));
    }

    private Evaluation prometheus(TelemetryTest test, TelemetrySource source, Instant start, Instant end) {
        if (test.getQuery() == null) {
            return noData(start, end, "a Prometheus source needs the test's PromQL query");
        }
        String promql = test.getQuery().replace("$window", test.getResolution());
        MonitorClient.Pull pull = client.prometheus(source, promql, end);
        if (!pull.ok()) {
            return noData(start, end, "source " + pull.problem());
        }
        JsonNode result = pull.body().path("data").path("result");
        if (!result.isArray() || result.isEmpty()) {
            return noData(start, end, "the query returned no series");
        }
        double worst = Double.NaN;
        for (JsonNode series : result) {
            double v = Double.parseDouble(series.path("value").path(1).asString("NaN"));
            if (Double.isFinite(v)) {
                worst = Double.isNaN(worst) ? v : test.getComparison().worse(worst, v);
            }
        }
        return judge(
                test,
                Double.isNaN(worst) ? null : worst,
                null,
                -1,
                start,
                end,
                "{\"promql\":" + quote(promql) + "}",
                null);
    }

    private static Evaluation judge(
            TelemetryTest test,
            Double figure,
            String subject,
            long sampleSize,
            Instant start,
            Instant end,
            String reference,
            String binEdges) {
        if (figure == null || !Double.isFinite(figure)) {
            return new Evaluation(
                    Outcome.NO_DATA,
                    null,
                    subject,
                    Math.max(0, sampleSize),
                    start,
                    end,
                    reference,
                    binEdges,
                    "the figure is undefined for the window");
        }
        if (sampleSize >= 0 && sampleSize < test.getMinSampleSize()) {
            return new Evaluation(
                    Outcome.NO_DATA,
                    figure,
                    subject,
                    sampleSize,
                    start,
                    end,
                    reference,
                    binEdges,
                    "sample of " + sampleSize + " below the minimum " + test.getMinSampleSize());
        }
        Outcome outcome = test.getComparison().holds(figure, test.getThreshold()) ? Outcome.PASSED : Outcome.FAILED;
        return new Evaluation(outcome, figure, subject, Math.max(0, sampleSize), start, end, reference, binEdges, null);
    }

    private static Evaluation noData(Instant start, Instant end, String why) {
        return new Evaluation(
                Outcome.NO_DATA,
                null,
                null,
                0,
                start,
                end,
                null,
                null,
                why.length() > 500 ? why.substring(0, 500) : why);
    }

    /**
     * The control's "last tested" date and result follow its telemetry tests: changed (and audited) only when the day
     * or the result differs, so a test run every minute does not rewrite the control every minute. A concurrent edit
     * of the control wins; the next run tries again.
     */
    private void markTested(long controlId, Outcome outcome, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        ControlVocabulary.TestResult result =
                outcome == Outcome.PASSED ? ControlVocabulary.TestResult.PASSED : ControlVocabulary.TestResult.FAILED;
        try {
            Actors.runAsSystem(
                    Set.of(ControlService.SYSTEM_MARK_TESTED), () -> controls.markTested(controlId, day, result));
        } catch (RuntimeException e) {
            log.debug("Control {} keeps its last test date for now: {}", controlId, e.toString());
        }
    }

    /**
     * Demo mode only: files an evaluation of a past window for the test's first linked deployment, stored and announced
     * like any other (a finding opens on a failure, the result is filed as evidence).
     */
    Result recordPast(TelemetryTest test, Evaluation e) {
        DeploymentLink link = links.findBySystemIdOrderById(test.getSystemId()).stream()
                .findFirst()
                .orElse(null);
        TelemetrySource source =
                link == null ? null : sources.findById(link.getSourceId()).orElse(null);
        if (source == null) {
            return null;
        }
        Facts f = facts(test);
        return f == null ? null : record(test, link, source, e, f);
    }

    /** Stores a result unless its window is recorded already, and announces it in the same transaction. */
    private Result store(
            TelemetryTest test,
            DeploymentLink link,
            TelemetrySource source,
            Evaluation e,
            SystemFacts system,
            ControlFacts control) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<Long> ids = jdbc.queryForList(
                    """
                    insert into telemetry.test_result (test_id, link_id, source, deployment, outcome, figure, subject,
                        sample_size, window_start, window_end, reference, bin_edges, note, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (test_id, link_id, window_start) do update set outcome = excluded.outcome,
                        figure = excluded.figure, subject = excluded.subject, sample_size = excluded.sample_size,
                        window_end = excluded.window_end, reference = excluded.reference, bin_edges = excluded.bin_edges,
                        note = excluded.note, recorded_at = excluded.recorded_at
                    where test_result.outcome = 'NO_DATA' and excluded.outcome <> 'NO_DATA'
                    returning id""",
                    Long.class,
                    test.getId(),
                    link.getId(),
                    source.getName(),
                    link.getDeployment(),
                    e.outcome().name(),
                    e.figure(),
                    e.subject(),
                    e.sampleSize(),
                    Timestamp.from(e.windowStart()),
                    Timestamp.from(e.windowEnd()),
                    e.reference(),
                    e.binEdges(),
                    e.note(),
                    Timestamp.from(now));
            if (ids.isEmpty()) {
                return null;
            }
            long id = ids.getFirst();
            events.publishEvent(new ControlTestRecorded(
                    id,
                    test.getId(),
                    test.getControlId(),
                    test.getSystemId(),
                    source.getName(),
                    link.getDeployment(),
                    test.getMetric(),
                    e.subject() == null ? "" : e.subject(),
                    test.getComparison().name(),
                    test.getThreshold(),
                    e.figure(),
                    e.outcome(),
                    e.sampleSize(),
                    e.windowStart(),
                    e.windowEnd(),
                    e.reference(),
                    e.binEdges(),
                    now,
                    system,
                    control));
            return new Result(
                    id,
                    test.getId(),
                    source.getName(),
                    link.getDeployment(),
                    e.outcome(),
                    e.figure(),
                    e.subject(),
                    e.sampleSize(),
                    e.windowStart(),
                    e.windowEnd(),
                    e.reference(),
                    e.binEdges(),
                    e.note(),
                    now);
        });
    }

    /**
     * Reads the open alerts of every linked deployment and announces each change the register had not seen: an alert
     * newly open, or one it saw open that is open no longer. A source that does not answer changes nothing.
     */
    int pollAlerts() {
        int announced = 0;
        Map<Long, List<DeploymentLink>> bySource =
                links.findAll().stream().collect(Collectors.groupingBy(DeploymentLink::getSourceId));
        for (TelemetrySource source : sources.findAll()) {
            List<DeploymentLink> linked = bySource.getOrDefault(source.getId(), List.of());
            if (linked.isEmpty() || source.getKind() != TelemetrySource.Kind.AEGIS_MONITOR) {
                continue;
            }
            Map<String, List<DeploymentLink>> byDeployment =
                    linked.stream().collect(Collectors.groupingBy(DeploymentLink::getDeployment));
            for (var entry : byDeployment.entrySet()) {
                MonitorClient.Pull pull = client.monitor(
                        source,
                        "/monitor/v1/alerts?state=OPEN&deployment="
                                + URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8));
                if (pull.ok()) {
                    Map<Long, SystemFacts> systems = new HashMap<>();
                    for (DeploymentLink l : entry.getValue()) {
                        systems.computeIfAbsent(l.getSystemId(), facts::system);
                    }
                    announced += observe(source, entry.getKey(), entry.getValue(), systems, pull.body());
                }
            }
        }
        return announced;
    }

    private int observe(
            TelemetrySource source,
            String deployment,
            List<DeploymentLink> linked,
            Map<Long, SystemFacts> systems,
            JsonNode open) {
        Integer n = transaction.execute(status -> {
            int count = 0;
            Instant now = clock.instant();
            Set<Long> openIds = new HashSet<>();
            for (JsonNode a : open) {
                long alertId = a.path("id").asLong();
                openIds.add(alertId);
                String subject =
                        a.path("subject").isString() ? a.path("subject").asString() : "";
                List<Long> changed = jdbc.queryForList(
                        """
                        insert into telemetry.observed_alert (source_id, alert_id, deployment, open, seen_at, metric,
                            subject, value, threshold)
                        values (?, ?, ?, true, ?, ?, ?, ?, ?)
                        on conflict (source_id, alert_id) do update set open = true, seen_at = excluded.seen_at,
                            value = excluded.value
                        where observed_alert.open = false
                        returning alert_id""",
                        Long.class,
                        source.getId(),
                        alertId,
                        deployment,
                        Timestamp.from(now),
                        a.path("metric").asString(""),
                        subject,
                        a.path("lastValue").asDouble(),
                        a.path("threshold").asDouble());
                if (!changed.isEmpty()) {
                    for (DeploymentLink l : linked) {
                        events.publishEvent(new MonitorAlertObserved(
                                l.getId(),
                                l.getSystemId(),
                                source.getName(),
                                deployment,
                                alertId,
                                a.path("metric").asString(""),
                                subject,
                                a.path("lastValue").asDouble(),
                                a.path("threshold").asDouble(),
                                true,
                                now,
                                systems.get(l.getSystemId())));
                        count++;
                    }
                }
            }
            Map<Long, Map<String, Object>> seenOpen = new HashMap<>();
            jdbc.queryForList(
                            "select * from telemetry.observed_alert where source_id = ? and deployment = ? and open"
                                    + " for update",
                            source.getId(),
                            deployment)
                    .forEach(r -> seenOpen.put(((Number) r.get("alert_id")).longValue(), r));
            for (var seen : seenOpen.entrySet()) {
                if (openIds.contains(seen.getKey())) {
                    continue;
                }
                jdbc.update(
                        "update telemetry.observed_alert set open = false, seen_at = ? where source_id = ? and alert_id = ?",
                        Timestamp.from(now),
                        source.getId(),
                        seen.getKey());
                Map<String, Object> r = seen.getValue();
                for (DeploymentLink l : linked) {
                    events.publishEvent(new MonitorAlertObserved(
                            l.getId(),
                            l.getSystemId(),
                            source.getName(),
                            deployment,
                            seen.getKey(),
                            (String) r.get("metric"),
                            (String) r.get("subject"),
                            ((Number) r.get("value")).doubleValue(),
                            ((Number) r.get("threshold")).doubleValue(),
                            false,
                            now,
                            systems.get(l.getSystemId())));
                    count++;
                }
            }
            return count;
        });
        return n == null ? 0 : n;
    }

    static Duration width(String resolution) {
        return switch (resolution) {
            case "5m" -> Duration.ofMinutes(5);
            case "1h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
    }

    static Instant floor(Instant at, Duration width) {
        long s = width.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), s) * s);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
