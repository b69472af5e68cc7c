package dev.aegis.monitor;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.IntCountsHistogram;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in OpenTelemetry metrics (OTLP/HTTP, JSON or protobuf) of the GenAI semantic conventions and adds them to the
 * monitor's windows of the deployment the resource names:
 *
 * <ul>
 * <li>{@code gen_ai.client.operation.duration} (histogram, seconds): its count to the window's traffic, to its errors
 * when the point carries {@code error.type}, and its buckets to the latency histogram — each bucket's calls at the
 * bucket's upper bound (the point's max for the last, open bucket), so percentiles are read at the exporter's bucket
 * resolution and never better than they were;</li>
 * <li>{@code gen_ai.client.token.usage} (histogram, tokens, by {@code gen_ai.token.type} input/output): its sum to the
 * window's input or output tokens (and cost, from the price table by {@code gen_ai.response.model} or
 * {@code gen_ai.request.model}).</li>
 * </ul>
 *
 * Only delta temporality can be added to windows: a cumulative point is refused (partial success names it) — set the
 * exporter's temporality preference to delta, or put the Collector's {@code cumulativetodelta} processor in front.
 * Every other metric is ignored (not refused). The points of a request are written in one transaction before the
 * answer, with an ingest row so the window's figures are computed again.
 */
@Service
@WhenMonitorEnabled
public class OtlpMetrics {

    static final String DURATION = "gen_ai.client.operation.duration";
    static final String TOKENS = "gen_ai.client.token.usage";

    /** OTLP's answer: how many data points were refused and why, how many kept and how many ignored. */
    public record Outcome(long rejectedDataPoints, String errorMessage, int accepted, int ignored) {}

    /** One histogram data point of a GenAI metric, from either encoding. */
    record Point(
            String metric,
            String unit,
            boolean delta,
            long timeNanos,
            long count,
            double sum,
            List<Long> bucketCounts,
            List<Double> bounds,
            Double max,
            Map<String, Object> attributes) {}

    record ResourcePoints(String deployment, List<Point> points) {}

    private record UsageKey(long deploymentId, Instant window, String model, String tokenType) {}

    private final DeploymentService deployments;
    private final AggregateStore aggregates;
    private final IngestLimiter limiter;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final MonitorSettings settings;
    private final Clock clock;
    private final String deploymentAttribute;

    OtlpMetrics(
            DeploymentService deployments,
            AggregateStore aggregates,
            IngestLimiter limiter,
            TransactionTemplate tx,
            JdbcTemplate jdbc,
            JsonMapper json,
            MonitorSettings settings,
            Clock clock,
            @Value("${aegis.monitor.otlp.deployment-attribute:service.name}") String deploymentAttribute) {
        this.deployments = deployments;
        this.aggregates = aggregates;
        this.limiter = limiter;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.deploymentAttribute = deploymentAttribute;
    }

    /** Reads an {@code ExportMetricsServiceRequest} in OTLP's JSON encoding. */
    @PreAuthorize(Permissions.INGEST)
    public Outcome metrics(InputStream body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            throw new IngestProblems.Malformed("The body is not OTLP JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new IngestProblems.Malformed("Send an ExportMetricsServiceRequest: {\"resourceMetrics\": [...]}.");
        }
        List<ResourcePoints> resources = new ArrayList<>();
        int ignored = 0;
        for (JsonNode rm : request.path("resourceMetrics")) {
            var resource = OtlpValues.attributes(rm.path("resource").path("attributes"));
            List<Point> points = new ArrayList<>();
            for (JsonNode sm : rm.path("scopeMetrics")) {
                for (JsonNode m : sm.path("metrics")) {
                    String name = m.path("name").asString("");
                    JsonNode histogram = m.path("histogram");
                    if (!(DURATION.equals(name) || TOKENS.equals(name)) || histogram.isMissingNode()) {
                        ignored += dataPoints(m);
                        continue;
                    }
                    JsonNode temporality = histogram.path("aggregationTemporality");
                    boolean delta = temporality.asInt(0) == 1
                            || "AGGREGATION_TEMPORALITY_DELTA".equals(temporality.asString(""));
                    for (JsonNode p : histogram.path("dataPoints")) {
                        List<Long> counts = new ArrayList<>();
                        p.path("bucketCounts").forEach(c -> counts.add(longOf(c)));
                        List<Double> bounds = new ArrayList<>();
                        p.path("explicitBounds").forEach(b -> bounds.add(b.asDouble()));
                        points.add(new Point(
                                name,
                                m.path("unit").asString(""),
                                delta,
                                longOf(p.path("timeUnixNano")),
                                longOf(p.path("count")),
                                p.path("sum").asDouble(0),
                                counts,
                                bounds,
                                p.has("max") ? p.get("max").asDouble() : null,
                                OtlpValues.attributes(p.path("attributes"))));
                    }
                }
            }
            resources.add(new ResourcePoints(OtlpValues.string(resource.get(deploymentAttribute)), points));
        }
        return keep(resources, ignored);
    }

    /** Reads an {@code ExportMetricsServiceRequest} in OTLP's protobuf encoding. */
    @PreAuthorize(Permissions.INGEST)
    public Outcome metrics(ExportMetricsServiceRequest request) {
        List<ResourcePoints> resources = new ArrayList<>();
        int ignored = 0;
        for (var rm : request.getResourceMetricsList()) {
            var resource = OtlpValues.attributes(rm.getResource().getAttributesList());
            List<Point> points = new ArrayList<>();
            for (var sm : rm.getScopeMetricsList()) {
                for (Metric m : sm.getMetricsList()) {
                    if (!(DURATION.equals(m.getName()) || TOKENS.equals(m.getName())) || !m.hasHistogram()) {
                        ignored += dataPoints(m);
                        continue;
                    }
                    boolean delta = m.getHistogram().getAggregationTemporality()
                            == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
                    for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
                        points.add(new Point(
                                m.getName(),
                                m.getUnit(),
                                delta,
                                p.getTimeUnixNano(),
                                p.getCount(),
                                p.getSum(),
                                p.getBucketCountsList(),
                                p.getExplicitBoundsList(),
                                p.hasMax() ? p.getMax() : null,
                                OtlpValues.attributes(p.getAttributesList())));
                    }
                }
            }
            resources.add(new ResourcePoints(OtlpValues.string(resource.get(deploymentAttribute)), points));
        }
        return keep(resources, ignored);
    }

    private Outcome keep(List<ResourcePoints> resources, int ignored) {
        Instant now = clock.instant();
        Instant oldest = now.minus(settings.retention());
        Instant newest = now.plus(settings.futureTolerance());
        List<String> problems = new ArrayList<>();
        long rejected = 0;
        int accepted = 0;
        Map<AggregateStore.Key, AggregateStore.Delta> traffic = new HashMap<>();
        Map<UsageKey, double[]> usage = new LinkedHashMap<>();
        Map<Long, Instant[]> spans = new HashMap<>();
        Map<String, Optional<Deployment>> known = new HashMap<>();
        for (ResourcePoints resource : resources) {
            for (Point p : resource.points()) {
                if (resource.deployment() == null) {
                    rejected++;
                    problems.add(p.metric() + ": the resource has no " + deploymentAttribute);
                    continue;
                }
                Optional<Deployment> deployment =
                        known.computeIfAbsent(resource.deployment(), deployments::findOptional);
                if (deployment.isEmpty()) {
                    rejected++;
                    problems.add(p.metric() + " of " + deploymentAttribute + " '" + resource.deployment()
                            + "': no deployment of that name (register it first)");
                    continue;
                }
                String problem = problem(p, oldest, newest);
                if (problem != null) {
                    rejected++;
                    problems.add(p.metric() + ": " + problem);
                    continue;
                }
                long id = deployment.get().getId();
                Instant at = Instant.ofEpochSecond(p.timeNanos() / 1_000_000_000L, p.timeNanos() % 1_000_000_000L);
                spans.merge(id, new Instant[] {at, at}, (a, b) ->
                        new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
                if (DURATION.equals(p.metric())) {
                    AggregateStore.Delta delta = duration(p);
                    for (Resolution r : Resolution.values()) {
                        traffic.computeIfAbsent(
                                        new AggregateStore.Key(id, r, r.floor(at)), k -> new AggregateStore.Delta())
                                .add(delta);
                    }
                } else {
                    String model = Optional.ofNullable(
                                    OtlpValues.string(p.attributes().get("gen_ai.response.model")))
                            .or(() -> Optional.ofNullable(
                                    OtlpValues.string(p.attributes().get("gen_ai.request.model"))))
                            .orElse("");
                    String type = OtlpValues.string(p.attributes().get("gen_ai.token.type"));
                    double[] sum = usage.computeIfAbsent(
                            new UsageKey(id, Resolution.FIVE_MINUTES.floor(at), cut(model, 200), type),
                            k -> new double[2]);
                    sum[0] += p.sum();
                    sum[1]++;
                }
                accepted++;
            }
        }
        if (accepted > 0) {
            write(traffic, usage, spans, now);
        }
        String message = problems.size() > 20
                ? String.join("; ", problems.subList(0, 20)) + "; and " + (problems.size() - 20) + " more"
                : String.join("; ", problems);
        return new Outcome(rejected, message, accepted, ignored);
    }

    private void write(
            Map<AggregateStore.Key, AggregateStore.Delta> traffic,
            Map<UsageKey, double[]> usage,
            Map<Long, Instant[]> spans,
            Instant now) {
        limiter.acquire();
        try {
            tx.executeWithoutResult(s -> {
                if (!traffic.isEmpty()) {
                    // a row of its own beside the events' rows of this instance: window rows of instances add up
                    aggregates.add("otlp-metrics@" + settings.instanceId(), traffic, now);
                }
                for (var e : usage.entrySet()) {
                    UsageKey k = e.getKey();
                    jdbc.update(
                            "insert into monitor.llm_usage (deployment_id, window_start, model, token_type, tokens, "
                                    + "data_points) values (?, ?, ?, ?, ?, ?) on conflict (deployment_id, window_start, "
                                    + "model, token_type) do update set tokens = llm_usage.tokens + excluded.tokens, "
                                    + "data_points = llm_usage.data_points + excluded.data_points",
                            k.deploymentId(),
                            Timestamp.from(k.window()),
                            k.model(),
                            k.tokenType(),
                            e.getValue()[0],
                            (long) e.getValue()[1]);
                }
                // no events, but the windows they fall in have new figures to compute: the figure evaluation looks
                // for ingest rows received after it last ran
                for (var e : spans.entrySet()) {
                    jdbc.update(
                            "insert into monitor.ingest (deployment_id, instance_id, received_at, event_count, ts_min, "
                                    + "ts_max, aggregated_at) values (?, ?, ?, 0, ?, ?, ?)",
                            e.getKey(),
                            settings.instanceId(),
                            Timestamp.from(now),
                            Timestamp.from(e.getValue()[0]),
                            Timestamp.from(e.getValue()[1]),
                            Timestamp.from(now));
                }
            });
        } finally {
            limiter.release();
        }
    }

    /** Why a point cannot be added to a window, or null. */
    private static String problem(Point p, Instant oldest, Instant newest) {
        if (!p.delta()) {
            return "cumulative temporality; send delta (OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE=delta, "
                    + "or the Collector's cumulativetodelta processor)";
        }
        if (p.timeNanos() <= 0) {
            return "no timeUnixNano";
        }
        Instant at = Instant.ofEpochSecond(p.timeNanos() / 1_000_000_000L);
        if (at.isBefore(oldest) || at.isAfter(newest)) {
            return "time " + at + " lies outside what the monitor keeps (" + oldest + " to " + newest + ")";
        }
        if (p.count() < 0 || p.sum() < 0 || Double.isNaN(p.sum())) {
            return "a negative count or sum";
        }
        if (TOKENS.equals(p.metric())) {
            String type = OtlpValues.string(p.attributes().get("gen_ai.token.type"));
            if (!"input".equals(type) && !"output".equals(type)) {
                return "gen_ai.token.type is 'input' or 'output', not '" + type + "'";
            }
        } else {
            if (!p.bucketCounts().isEmpty()
                    && p.bucketCounts().size() != p.bounds().size() + 1) {
                return "bucketCounts has one more entry than explicitBounds";
            }
            if (scale(p.unit()) == 0) {
                return "unit '" + p.unit() + "' is no time unit (s, ms)";
            }
        }
        return null;
    }

    /** The calls of one duration point as a window delta. */
    private static AggregateStore.Delta duration(Point p) {
        boolean error = p.attributes().containsKey("error.type");
        IntCountsHistogram latency = LatencyHistograms.empty();
        double toMs = scale(p.unit());
        if (!p.bucketCounts().isEmpty()) {
            for (int i = 0; i < p.bucketCounts().size(); i++) {
                long n = p.bucketCounts().get(i);
                if (n == 0) {
                    continue;
                }
                double upper = i < p.bounds().size()
                        ? p.bounds().get(i)
                        : (p.max() != null
                                ? p.max()
                                : p.bounds().isEmpty() ? 0 : p.bounds().getLast());
                if (p.max() != null) {
                    upper = Math.min(upper, p.max());
                }
                long micros = Math.max(1, Math.min(LatencyHistograms.HIGHEST_MICROS, Math.round(upper * toMs * 1000)));
                latency.recordValueWithCount(micros, n);
            }
        }
        return new AggregateStore.Delta(p.count(), error ? p.count() : 0, latency);
    }

    /** Milliseconds per unit of a duration metric (OTel's default is seconds), 0 for no time unit. */
    private static double scale(String unit) {
        return switch (unit == null ? "" : unit) {
            case "s", "" -> 1000;
            case "ms" -> 1;
            case "us" -> 0.001;
            default -> 0;
        };
    }

    private static int dataPoints(JsonNode m) {
        for (String kind : List.of("gauge", "sum", "histogram", "exponentialHistogram", "summary")) {
            if (m.has(kind)) {
                return m.path(kind).path("dataPoints").size();
            }
        }
        return 0;
    }

    private static int dataPoints(Metric m) {
        return switch (m.getDataCase()) {
            case GAUGE -> m.getGauge().getDataPointsCount();
            case SUM -> m.getSum().getDataPointsCount();
            case HISTOGRAM -> m.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> m.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> m.getSummary().getDataPointsCount();
            default -> 0;
        };
    }

    private static long longOf(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return 0;
        }
        try {
            return n.isNumber() ? n.asLong() : Long.parseLong(n.asString().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
