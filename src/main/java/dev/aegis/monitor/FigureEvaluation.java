package dev.aegis.monitor;

import dev.aegis.monitor.stats.CategoricalDrift;
import dev.aegis.monitor.stats.Fairness;
import dev.aegis.monitor.stats.NumericDrift;
import dev.aegis.monitor.stats.Performance;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Computes the drift, fairness and performance figures of every deployment for the newest complete window of each
 * resolution (5 min, 1 h, 1 day), from the raw events in PostgreSQL, and keeps them with {@link FigureService#store}
 * for the alert rules. Runs every minute (one instance at a time); a window that has figures already is computed again
 * only when events or labels for it arrived after that, and its figures are then replaced.
 *
 * <ul>
 * <li>Drift, when the deployment has a reference: per numeric feature {@link NumericDrift} (PSI, Jensen–Shannon, KS
 * statistic and p-value, Wasserstein-1 raw and normalized; the bin edges stored with each), per categorical feature and
 * for the predicted labels (subject {@value #PREDICTED_LABEL}) {@link CategoricalDrift} (chi-square statistic and
 * p-value, PSI, Jensen–Shannon; the categories and counts in the detail).</li>
 * <li>Fairness, for events with a group attribute: selection rate per group (subject = group), demographic parity
 * difference and disparate impact ratio; with labels, equal opportunity and equalized odds differences over the
 * labelled events. The positive label is "1".</li>
 * <li>Performance, over the window's events whose label has arrived: accuracy, precision, recall, F1.</li>
 * </ul>
 */
@Service
@WhenMonitorEnabled
public class FigureEvaluation {

    /** Subject of the drift figures of the predicted labels (no feature can be named so: it holds a space). */
    public static final String PREDICTED_LABEL = "predicted label";

    private static final Logger log = LoggerFactory.getLogger(FigureEvaluation.class);
    /** The first key of the advisory lock that serialises the evaluation of one deployment. */
    private static final int FIGURE_LOCK = 0x6d6f6e66;

    private final Deployments deployments;
    private final FigureService figures;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final LlmScanner llm;
    private final Clock clock;
    /**
     * The most events of one side (reference or window) an evaluation holds in memory. Below it every figure is exact;
     * above it the side is a uniform random sample of about this size (each event kept with probability
     * max / count), and the figure's sample size says how many were used. This keeps the monitor's memory bounded
     * however much traffic a day window holds: at the default, two sides of doubles take about 80 MB.
     */
    volatile long maxValues;

    FigureEvaluation(
            Deployments deployments,
            FigureService figures,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            JsonMapper json,
            LlmScanner llm,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${aegis.monitor.evaluation-max-values:5000000}")
                    long maxValues) {
        this.deployments = deployments;
        this.figures = figures;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.llm = llm;
        this.clock = clock;
        this.maxValues = maxValues;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 40_000)
    @SchedulerLock(name = "monitor.figure-evaluation", lockAtMostFor = "PT10M")
    void evaluateOnSchedule() {
        evaluate(clock.instant());
    }

    /** Evaluates, for every deployment and resolution, the newest window that ended at or before {@code at}. */
    public void evaluate(Instant at) {
        for (Deployment deployment : deployments.findAll()) {
            for (Resolution resolution : Resolution.values()) {
                Instant start = resolution.floor(at).minus(resolution.length());
                try {
                    evaluate(deployment, resolution, start);
                } catch (RuntimeException e) {
                    log.warn(
                            "Figures of {} {} window {} failed: {}",
                            deployment.getName(),
                            resolution.code(),
                            start,
                            e.toString());
                }
            }
        }
    }

    private void evaluate(Deployment deployment, Resolution resolution, Instant start) {
        var window = new Window(deployment.getId(), start, start.plus(resolution.length()));
        tx.executeWithoutResult(s -> {
            // one evaluation of a deployment at a time (the schedule on any instance, or a direct call), so a window's
            // figures are never written twice side by side
            jdbc.queryForObject(
                    "select pg_advisory_xact_lock(?, ?)", Object.class, FIGURE_LOCK, Long.hashCode(deployment.getId()));
            Timestamp computed = jdbc.queryForObject(
                    "select max(computed_at) from monitor.figure "
                            + "where deployment_id = ? and resolution = ? and window_start = ?",
                    Timestamp.class,
                    deployment.getId(),
                    resolution.code(),
                    Timestamp.from(start));
            if (computed != null) {
                if (!lateDataSince(window, computed)) {
                    return;
                }
                // events or labels arrived after the window was evaluated: its figures are computed again from all
                // of them, so a figure always describes everything the monitor had received for its window
                jdbc.update(
                        "delete from monitor.figure where deployment_id = ? and resolution = ? and window_start = ?",
                        deployment.getId(),
                        resolution.code(),
                        Timestamp.from(start));
            }
            var out = new Figures(deployment.getId(), resolution, start);
            String windowSample = sample(window.source());
            if (deployment.getReference().kind() != ReferenceWindow.Kind.NONE) {
                drift(deployment, window, windowSample, out);
            }
            fairness(window, windowSample, out);
            performance(deployment, window, windowSample, out);
            dataQuality(deployment, window, out);
            llm(deployment, window, out);
        });
    }

    // ---- LLM calls --------------------------------------------------------------------------------------------

    /**
     * Rates, tokens and cost of the window's LLM calls, from the signals kept with each event. Every personal-data
     * kind gets its rate even at zero, so a rule or test on "payment card number" has a figure to judge.
     */
    private void llm(Deployment deployment, Window window, Figures out) {
        String from = " from " + window.source().from() + " and e.llm is not null";
        Map<String, Object> t = jdbc.queryForMap(
                "select count(*) as calls, count(*) filter (where e.llm->'injectionScore' is not null) as prompts, "
                        + "count(*) filter (where (e.llm->>'injectionScore')::float8 >= "
                        + dev.aegis.monitor.llm.PromptInjection.FLAG + ") as injections, "
                        + "count(*) filter (where jsonb_array_length(e.llm->'promptPersonalData') > 0) as pd_prompts, "
                        + "count(*) filter (where e.llm->'refusal' is not null) as responses, "
                        + "count(*) filter (where jsonb_array_length(e.llm->'responsePersonalData') > 0) as pd_responses, "
                        + "count(*) filter (where (e.llm->>'refusal')::boolean) as refusals, "
                        + "avg((e.llm->>'outputChars')::float8) as output_chars, "
                        + "sum((e.llm->>'inputTokens')::int8) as input_tokens, "
                        + "count(e.llm->'inputTokens') as with_input_tokens, "
                        + "sum((e.llm->>'outputTokens')::int8) as output_tokens, "
                        + "count(e.llm->'outputTokens') as with_output_tokens, "
                        + "sum((e.llm->>'cost')::float8) as cost, count(e.llm->'cost') as priced" + from,
                window.params());
        long calls = ((Number) t.get("calls")).longValue();
        Usage usage = usage(window);
        if (calls == 0 && usage.points() == 0) {
            return;
        }
        long prompts = ((Number) t.get("prompts")).longValue();
        long responses = ((Number) t.get("responses")).longValue();
        if (prompts > 0) {
            Map<String, Long> indicators = new java.util.TreeMap<>();
            jdbc.query(
                    "select i, count(*) from " + elements("injectionIndicators", "i") + " group by i",
                    rs -> {
                        indicators.put(rs.getString(1), rs.getLong(2));
                    },
                    window.params());
            long flagged = ((Number) t.get("injections")).longValue();
            out.store(
                    Metric.PROMPT_INJECTION_RATE,
                    null,
                    (double) flagged / prompts,
                    json.writeValueAsString(Map.of("flagged", flagged, "prompts", prompts, "indicators", indicators)),
                    null,
                    null,
                    prompts,
                    null);
            personalData(
                    deployment,
                    window,
                    "promptPersonalData",
                    Metric.PERSONAL_DATA_PROMPT_RATE,
                    t.get("pd_prompts"),
                    prompts,
                    out);
        }
        if (responses > 0) {
            personalData(
                    deployment,
                    window,
                    "responsePersonalData",
                    Metric.PERSONAL_DATA_RESPONSE_RATE,
                    t.get("pd_responses"),
                    responses,
                    out);
            long refusals = ((Number) t.get("refusals")).longValue();
            out.store(
                    Metric.REFUSAL_RATE,
                    null,
                    (double) refusals / responses,
                    json.writeValueAsString(Map.of("refusals", refusals, "responses", responses)),
                    null,
                    null,
                    responses,
                    null);
            out.store(
                    Metric.OUTPUT_LENGTH_MEAN,
                    null,
                    ((Number) t.get("output_chars")).doubleValue(),
                    null,
                    null,
                    null,
                    responses,
                    null);
        }
        long withInput = ((Number) t.get("with_input_tokens")).longValue() + usage.inputPoints();
        if (withInput > 0) {
            out.store(
                    Metric.INPUT_TOKENS,
                    null,
                    number(t.get("input_tokens")) + usage.input(),
                    null,
                    null,
                    null,
                    withInput,
                    null);
        }
        long withOutput = ((Number) t.get("with_output_tokens")).longValue() + usage.outputPoints();
        if (withOutput > 0) {
            out.store(
                    Metric.OUTPUT_TOKENS,
                    null,
                    number(t.get("output_tokens")) + usage.output(),
                    null,
                    null,
                    null,
                    withOutput,
                    null);
        }
        long priced = ((Number) t.get("priced")).longValue();
        if (priced > 0 || !usage.costByModel().isEmpty()) {
            Map<String, double[]> byModel = new java.util.TreeMap<>();
            jdbc.query(
                    "select e.llm->>'model', sum((e.llm->>'cost')::float8), count(*)" + from
                            + " and e.llm->'cost' is not null and e.llm->'model' is not null group by 1",
                    rs -> {
                        byModel.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getLong(3)});
                    },
                    window.params());
            // tokens reported as OpenTelemetry metrics, priced by the same table
            usage.costByModel()
                    .forEach((model, cost) ->
                            byModel.merge(model, cost, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]}));
            double metricCost =
                    usage.costByModel().values().stream().mapToDouble(c -> c[0]).sum();
            long metricPoints = (long)
                    usage.costByModel().values().stream().mapToDouble(c -> c[1]).sum();
            String detail = json.writeValueAsString(Map.of(
                    "currency",
                    llm.currency(),
                    "pricedCalls",
                    priced,
                    "unpricedCalls",
                    calls - priced,
                    "pricedMetricPoints",
                    metricPoints));
            out.store(
                    Metric.COST,
                    null,
                    number(t.get("cost")) + metricCost,
                    detail,
                    null,
                    null,
                    priced + metricPoints,
                    null);
            byModel.forEach((model, c) -> out.store(
                    Metric.COST,
                    model,
                    c[0],
                    json.writeValueAsString(Map.of("currency", llm.currency())),
                    null,
                    null,
                    (long) c[1],
                    null));
        }
    }

    /** Token use reported as OpenTelemetry metrics for the window ({@link OtlpMetrics}), with its cost per model. */
    private record Usage(
            double input, long inputPoints, double output, long outputPoints, Map<String, double[]> costByModel) {
        long points() {
            return inputPoints + outputPoints;
        }
    }

    private Usage usage(Window window) {
        double[] in = new double[2];
        double[] outTokens = new double[2];
        // per model: input tokens, output tokens, data points
        Map<String, double[]> byModel = new HashMap<>();
        jdbc.query(
                "select model, token_type, sum(tokens), sum(data_points) from monitor.llm_usage "
                        + "where deployment_id = ? and window_start >= ? and window_start < ? group by 1, 2",
                rs -> {
                    boolean input = "input".equals(rs.getString(2));
                    double[] side = input ? in : outTokens;
                    side[0] += rs.getDouble(3);
                    side[1] += rs.getLong(4);
                    double[] m = byModel.computeIfAbsent(rs.getString(1), k -> new double[3]);
                    m[input ? 0 : 1] += rs.getDouble(3);
                    m[2] += rs.getLong(4);
                },
                window.params());
        Map<String, double[]> cost = new HashMap<>();
        byModel.forEach((model, m) -> {
            Double c = llm.cost(model, Math.round(m[0]), Math.round(m[1]));
            if (c != null) {
                cost.put(model, new double[] {c, m[2]});
            }
        });
        return new Usage(in[0], (long) in[1], outTokens[0], (long) outTokens[1], cost);
    }

    private static double number(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    /** The window's events, each joined with the elements of one of its LLM signal arrays as {@code alias}. */
    private static String elements(String field, String alias) {
        return "monitor.event e cross join lateral jsonb_array_elements_text(e.llm->'" + field + "') " + alias
                + " where e.deployment_id = ? and e.ts >= ? and e.ts < ?";
    }

    private void personalData(
            Deployment deployment,
            Window window,
            String field,
            Metric metric,
            Object withAny,
            long scanned,
            Figures out) {
        Map<String, Long> byKind = new HashMap<>();
        jdbc.query(
                "select k, count(*) from " + elements(field, "k") + " group by k",
                rs -> {
                    byKind.put(rs.getString(1), rs.getLong(2));
                },
                window.params());
        String detail = json.writeValueAsString(Map.of("texts", scanned, "byKind", byKind));
        out.store(metric, null, ((Number) withAny).doubleValue() / scanned, detail, null, null, scanned, null);
        for (var kind : llm.kinds(deployment)) {
            long n = byKind.getOrDefault(kind.name(), 0L);
            out.store(metric, kind.words(), (double) n / scanned, null, null, null, scanned, null);
        }
    }

    /** Whether a batch with events in the window, or a label of one of its events, arrived after {@code since}. */
    private boolean lateDataSince(Window window, Timestamp since) {
        Timestamp from = Timestamp.from(window.start());
        Timestamp to = Timestamp.from(window.end());
        Boolean late = jdbc.queryForObject(
                "select exists (select 1 from monitor.ingest i where i.deployment_id = ? "
                        + "and i.received_at > ? and i.ts_min < ? and i.ts_max >= ?) or exists (select 1 from monitor.label l "
                        + "join monitor.event e on e.deployment_id = l.deployment_id and e.request_id = l.request_id "
                        + "where l.deployment_id = ? and l.received_at > ? and e.ts >= ? and e.ts < ?)",
                Boolean.class,
                window.deploymentId(),
                since,
                to,
                from,
                window.deploymentId(),
                since,
                from,
                to);
        return Boolean.TRUE.equals(late);
    }

    // ---- drift ------------------------------------------------------------------------------------------------

    private void drift(Deployment deployment, Window window, String windowSample, Figures out) {
        Source reference = Source.of(deployment);
        Source current = window.source();
        String referenceSample = sample(reference);
        for (Feature feature : deployment.getFeatures()) {
            if (feature.kind() == Feature.Kind.NUMERIC) {
                double[] ref = numbers(reference, referenceSample, feature.name());
                double[] cur = numbers(current, windowSample, feature.name());
                if (ref.length > 0 && cur.length > 0) {
                    numeric(feature.name(), NumericDrift.between(ref, cur), reference.describe(json, ref.length), out);
                }
            } else {
                categorical(
                        feature.name(),
                        counts(reference, "e.features->>?", feature.name()),
                        counts(current, "e.features->>?", feature.name()),
                        reference,
                        out);
            }
        }
        categorical(
                PREDICTED_LABEL,
                counts(reference, "e.predicted_label", null),
                counts(current, "e.predicted_label", null),
                reference,
                out);
    }

    private void numeric(String subject, NumericDrift d, String referenceJson, Figures out) {
        String edges = json.writeValueAsString(d.binEdges());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("referenceBinCounts", d.referenceBinCounts());
        detail.put("currentBinCounts", d.currentBinCounts());
        detail.put("referenceStandardDeviation", finite(d.referenceStandardDeviation()));
        String detailJson = json.writeValueAsString(detail);
        long n = d.currentCount();
        long m = d.referenceCount();
        out.store(Metric.PSI, subject, d.psi(), detailJson, referenceJson, edges, n, m);
        out.store(Metric.JS_DISTANCE, subject, d.jensenShannon(), detailJson, referenceJson, edges, n, m);
        out.store(Metric.KS_STATISTIC, subject, d.ksStatistic(), detailJson, referenceJson, edges, n, m);
        out.store(Metric.KS_P_VALUE, subject, d.ksPValue(), detailJson, referenceJson, edges, n, m);
        out.store(Metric.WASSERSTEIN, subject, d.wasserstein(), detailJson, referenceJson, edges, n, m);
        out.store(
                Metric.WASSERSTEIN_NORMALIZED,
                subject,
                d.wassersteinNormalized(),
                detailJson,
                referenceJson,
                edges,
                n,
                m);
    }

    private void categorical(
            String subject, Map<String, Long> ref, Map<String, Long> cur, Source reference, Figures out) {
        if (ref.isEmpty() || cur.isEmpty()) {
            return;
        }
        CategoricalDrift d = CategoricalDrift.between(ref, cur);
        long m = Arrays.stream(d.referenceCounts()).sum();
        long n = Arrays.stream(d.currentCounts()).sum();
        String referenceJson = reference.describe(json, m);
        String categories = json.writeValueAsString(d.categories());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("categories", d.categories());
        detail.put("referenceCounts", d.referenceCounts());
        detail.put("currentCounts", d.currentCounts());
        detail.put("degreesOfFreedom", d.degreesOfFreedom());
        String detailJson = json.writeValueAsString(detail);
        out.store(Metric.CHI2_STATISTIC, subject, d.chiSquare(), detailJson, referenceJson, categories, n, m);
        out.store(Metric.CHI2_P_VALUE, subject, d.pValue(), detailJson, referenceJson, categories, n, m);
        out.store(Metric.PSI, subject, d.psi(), detailJson, referenceJson, categories, n, m);
        out.store(Metric.JS_DISTANCE, subject, d.jensenShannon(), detailJson, referenceJson, categories, n, m);
    }

    // ---- data quality -----------------------------------------------------------------------------------------

    /**
     * Per declared feature: the share of the window's events without a value for it (absent or null); with a
     * reference, the share of a numeric feature's values outside the reference's [min, max] and the share of a
     * categorical feature's values whose category the reference never had. Counted in the database over every event
     * of the window (no sample): each figure is exact. A value of the wrong type never gets here: ingestion refuses
     * the event and names the field.
     */
    private void dataQuality(Deployment deployment, Window window, Figures out) {
        if (deployment.getFeatures().isEmpty()) {
            return;
        }
        Long events =
                jdbc.queryForObject("select count(*) from " + window.source().from(), Long.class, window.params());
        if (events == null || events == 0) {
            return;
        }
        boolean withReference = deployment.getReference().kind() != ReferenceWindow.Kind.NONE;
        Source reference = withReference ? Source.of(deployment) : null;
        for (Feature feature : deployment.getFeatures()) {
            String name = feature.name();
            if (feature.kind() == Feature.Kind.NUMERIC) {
                String value = "case when jsonb_typeof(e.features->?) = 'number' then (e.features->>?)::float8 end";
                Double min = null;
                Double max = null;
                long referenceValues = 0;
                if (reference != null) {
                    Map<String, Object> r = jdbc.queryForMap(
                            "select count(v) as n, min(v) as lo, max(v) as hi from (select " + value + " as v from "
                                    + reference.from() + ") x",
                            concat(new Object[] {name, name}, reference.params()));
                    referenceValues = ((Number) r.get("n")).longValue();
                    min = referenceValues == 0 ? null : ((Number) r.get("lo")).doubleValue();
                    max = referenceValues == 0 ? null : ((Number) r.get("hi")).doubleValue();
                }
                Map<String, Object> c = jdbc.queryForMap(
                        "select count(v) as present, count(*) filter (where v < ?) as below, "
                                + "count(*) filter (where v > ?) as above from (select " + value + " as v from "
                                + window.source().from() + ") x",
                        concat(
                                new Object[] {
                                    min == null ? Double.NEGATIVE_INFINITY : min,
                                    max == null ? Double.POSITIVE_INFINITY : max,
                                    name,
                                    name
                                },
                                window.params()));
                long present = ((Number) c.get("present")).longValue();
                missing(name, events, present, out);
                if (min != null && present > 0) {
                    long below = ((Number) c.get("below")).longValue();
                    long above = ((Number) c.get("above")).longValue();
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("referenceMin", min);
                    detail.put("referenceMax", max);
                    detail.put("below", below);
                    detail.put("above", above);
                    out.store(
                            Metric.OUT_OF_RANGE_RATE,
                            name,
                            (double) (below + above) / present,
                            json.writeValueAsString(detail),
                            reference.describe(json, referenceValues),
                            json.writeValueAsString(List.of(min, max)),
                            present,
                            referenceValues);
                }
            } else {
                Map<String, Long> current = counts(window.source(), "e.features->>?", name);
                long present =
                        current.values().stream().mapToLong(Long::longValue).sum();
                missing(name, events, present, out);
                if (reference != null && present > 0) {
                    Map<String, Long> known = counts(reference, "e.features->>?", name);
                    if (!known.isEmpty()) {
                        Map<String, Long> unseen = new java.util.TreeMap<>();
                        current.forEach((category, n) -> {
                            if (!known.containsKey(category)) {
                                unseen.put(category, n);
                            }
                        });
                        long count = unseen.values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        Map<String, Object> detail = new LinkedHashMap<>();
                        detail.put("unseen", count);
                        // the most frequent new categories, so a person sees what arrived; at most 20
                        detail.put(
                                "categories",
                                unseen.entrySet().stream()
                                        .sorted(Map.Entry.<String, Long>comparingByValue()
                                                .reversed()
                                                .thenComparing(Map.Entry.comparingByKey()))
                                        .limit(20)
                                        .collect(java.util.stream.Collectors.toMap(
                                                Map.Entry::getKey,
                                                Map.Entry::getValue,
                                                (a, b) -> a,
                                                LinkedHashMap::new)));
                        long referenceCount = known.values().stream()
                                .mapToLong(Long::longValue)
                                .sum();
                        out.store(
                                Metric.NEW_CATEGORY_RATE,
                                name,
                                (double) count / present,
                                json.writeValueAsString(detail),
                                reference.describe(json, referenceCount),
                                null,
                                present,
                                referenceCount);
                    }
                }
            }
        }
    }

    private void missing(String feature, long events, long present, Figures out) {
        long missing = events - present;
        out.store(
                Metric.MISSING_VALUE_RATE,
                feature,
                (double) missing / events,
                json.writeValueAsString(Map.of("missing", missing, "events", events)),
                null,
                null,
                events,
                null);
    }

    // ---- fairness and performance -----------------------------------------------------------------------------

    private void fairness(Window window, String windowSample, Figures out) {
        List<String> groups = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        jdbc.query(
                "select e.group_value, e.predicted_label, l.label from monitor.event e left join monitor.label l "
                        + "on l.deployment_id = e.deployment_id and l.request_id = e.request_id where e.deployment_id = ? "
                        + "and e.ts >= ? and e.ts < ? and e.group_value is not null and e.predicted_label is not null"
                        + windowSample,
                rs -> {
                    groups.add(rs.getString(1));
                    predicted.add(rs.getString(2));
                    actual.add(rs.getString(3));
                },
                window.params());
        if (groups.isEmpty()) {
            return;
        }
        Fairness f = Fairness.of(groups.toArray(String[]::new), positives(predicted));
        String detail = json.writeValueAsString(f.groups());
        long n = groups.size();
        for (Fairness.Group g : f.groups()) {
            out.store(Metric.SELECTION_RATE, g.group(), g.selectionRate(), null, null, null, g.count(), null);
        }
        out.store(
                Metric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                null,
                f.demographicParityDifference(),
                detail,
                null,
                null,
                n,
                null);
        out.store(Metric.DISPARATE_IMPACT_RATIO, null, f.disparateImpactRatio(), detail, null, null, n, null);

        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            if (actual.get(i) != null) {
                labelled.add(i);
            }
        }
        if (!labelled.isEmpty()) {
            Fairness withLabels = Fairness.of(
                    labelled.stream().map(groups::get).toArray(String[]::new),
                    positives(labelled.stream().map(predicted::get).toList()),
                    positives(labelled.stream().map(actual::get).toList()));
            String labelledDetail = json.writeValueAsString(withLabels.groups());
            out.store(
                    Metric.EQUAL_OPPORTUNITY_DIFFERENCE,
                    null,
                    withLabels.equalOpportunityDifference(),
                    labelledDetail,
                    null,
                    null,
                    (long) labelled.size(),
                    null);
            out.store(
                    Metric.EQUALIZED_ODDS_DIFFERENCE,
                    null,
                    withLabels.equalizedOddsDifference(),
                    labelledDetail,
                    null,
                    null,
                    (long) labelled.size(),
                    null);
        }
    }

    /** Fairlearn's convention: the label "1" is the positive decision, any other label negative. */
    private static int[] positives(List<String> labels) {
        return labels.stream()
                .mapToInt(l -> "1".equals(l) ? Fairness.POSITIVE : 0)
                .toArray();
    }

    private void performance(Deployment deployment, Window window, String windowSample, Figures out) {
        List<String> predicted = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        jdbc.query(
                "select e.predicted_label, l.label from monitor.event e join monitor.label l "
                        + "on l.deployment_id = e.deployment_id and l.request_id = e.request_id where e.deployment_id = ? "
                        + "and e.ts >= ? and e.ts < ? and e.predicted_label is not null" + windowSample,
                rs -> {
                    predicted.add(rs.getString(1));
                    actual.add(rs.getString(2));
                },
                window.params());
        if (predicted.isEmpty()) {
            return;
        }
        Map<String, Integer> codes = codes(deployment.getLabels(), predicted, actual);
        Performance p = Performance.of(
                actual.stream().mapToInt(codes::get).toArray(),
                predicted.stream().mapToInt(codes::get).toArray());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("average", p.average());
        detail.put("labels", codes);
        String detailJson = json.writeValueAsString(detail);
        out.store(Metric.ACCURACY, null, p.accuracy(), detailJson, null, null, p.count(), null);
        out.store(Metric.PRECISION, null, p.precision(), detailJson, null, null, p.count(), null);
        out.store(Metric.RECALL, null, p.recall(), detailJson, null, null, p.count(), null);
        out.store(Metric.F1, null, p.f1(), detailJson, null, null, p.count(), null);
    }

    /**
     * Labels as the integers {@link Performance} takes: integer labels as themselves (so "0"/"1" is the binary task
     * with positive label 1); otherwise each label its position in the deployment's label set plus 2, which keeps the
     * codes out of {0, 1} so any other label set is averaged as multi-class (macro).
     */
    private static Map<String, Integer> codes(List<String> declared, List<String> predicted, List<String> actual) {
        Map<String, Integer> codes = new HashMap<>();
        boolean integers = true;
        for (List<String> list : List.of(predicted, actual)) {
            for (String label : list) {
                integers &= label.matches("-?\\d{1,9}");
            }
        }
        List<String> order = new ArrayList<>(declared);
        for (List<String> list : List.of(predicted, actual)) {
            for (String label : list) {
                if (!codes.containsKey(label)) {
                    if (!order.contains(label)) {
                        order.add(label);
                    }
                    codes.put(label, integers ? Integer.parseInt(label) : order.indexOf(label) + 2);
                }
            }
        }
        return codes;
    }

    // ---- reading raw values -----------------------------------------------------------------------------------

    private double[] numbers(Source source, String sample, String feature) {
        var values = new DoubleList();
        jdbc.query(
                "select (e.features->>?)::float8 from " + source.from() + " and jsonb_typeof(e.features->?) = 'number'"
                        + sample,
                rs -> {
                    values.add(rs.getDouble(1));
                },
                concat(new Object[] {feature}, source.params(), new Object[] {feature}));
        return values.toArray();
    }

    /**
     * Nothing when the side holds at most {@link #maxValues} events; otherwise a condition keeping each event with
     * probability max / count, so about {@code maxValues} are read (categorical counts are summed in the database and
     * need no sample). Counted once per side and evaluation, not per feature.
     */
    private String sample(Source source) {
        Long count = jdbc.queryForObject("select count(*) from " + source.from(), Long.class, source.params());
        if (count == null || count <= maxValues) {
            return "";
        }
        return " and random() < " + ((double) maxValues / count);
    }

    private Map<String, Long> counts(Source source, String expression, String feature) {
        Map<String, Long> counts = new HashMap<>();
        Object[] head = feature == null ? new Object[0] : new Object[] {feature};
        jdbc.query(
                "select " + expression + " as v, count(*) from " + source.from() + " and " + expression
                        + " is not null group by 1",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                concat(head, source.params(), head));
        return counts;
    }

    private static Object[] concat(Object[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Where a side's events are: a {@code from ... where ...} clause over alias {@code e}, and its parameters. */
    private record Source(String from, Object[] params, ReferenceWindow reference) {

        static Source of(Deployment d) {
            ReferenceWindow r = d.getReference();
            return switch (r.kind()) {
                case BATCH ->
                    new Source(
                            "monitor.reference_event e where e.deployment_id = ? and e.reference_batch = ?",
                            new Object[] {d.getId(), r.batch()},
                            r);
                case TIME_RANGE ->
                    new Source(
                            "monitor.event e where e.deployment_id = ? and e.ts >= ? and e.ts < ?",
                            new Object[] {d.getId(), Timestamp.from(r.from()), Timestamp.from(r.to())},
                            r);
                case NONE -> throw new IllegalStateException("no reference");
            };
        }

        /** The reference as stored with a figure: kind, batch or range, and its size for this subject. */
        String describe(JsonMapper json, long size) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kind", reference.kind().name());
            if (reference.batch() != null) {
                map.put("batch", reference.batch());
            }
            if (reference.from() != null) {
                map.put("from", reference.from().toString());
                map.put("to", reference.to().toString());
            }
            map.put("size", size);
            return json.writeValueAsString(map);
        }
    }

    private record Window(long deploymentId, Instant start, Instant end) {

        Object[] params() {
            return new Object[] {deploymentId, Timestamp.from(start), Timestamp.from(end)};
        }

        Source source() {
            return new Source("monitor.event e where e.deployment_id = ? and e.ts >= ? and e.ts < ?", params(), null);
        }
    }

    /** Stores one window's figures; a value that is no finite number (e.g. a 0/0 ratio) is kept as null. */
    private final class Figures {
        private final long deploymentId;
        private final Resolution resolution;
        private final Instant start;

        Figures(long deploymentId, Resolution resolution, Instant start) {
            this.deploymentId = deploymentId;
            this.resolution = resolution;
            this.start = start;
        }

        void store(
                Metric metric,
                String subject,
                Double value,
                String detail,
                String reference,
                String edges,
                Long sampleSize,
                Long referenceSize) {
            figures.store(
                    deploymentId,
                    resolution,
                    start,
                    metric,
                    subject,
                    value == null ? null : finite(value),
                    detail,
                    reference,
                    edges,
                    sampleSize,
                    referenceSize);
        }
    }

    /** A growable array of doubles, so a million values are not a million boxed objects. */
    private static final class DoubleList {
        private double[] values = new double[1024];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
