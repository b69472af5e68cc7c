package dev.aegis.telemetry;

import dev.aegis.inventory.AiSystemService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * What an AI system's linked deployments show right now, pulled from their sources for the telemetry tab: traffic
 * windows over a time range, the newest drift per feature and selection rate per group, and open alerts. A source that
 * does not answer gives an empty part and a problem to show; nothing throws. Not transactional: pulls take time.
 */
@Service
public class LiveTelemetry {

    private final TelemetrySources sources;
    private final DeploymentLinks links;
    private final AiSystemService systems;
    private final MonitorClient client;
    private final Clock clock;

    LiveTelemetry(
            TelemetrySources sources,
            DeploymentLinks links,
            AiSystemService systems,
            MonitorClient client,
            Clock clock) {
        this.sources = sources;
        this.links = links;
        this.systems = systems;
        this.client = client;
        this.clock = clock;
    }

    /** One traffic window. Latencies in ms, null without traffic. */
    public record Window(
            Instant start, long count, long errors, double errorRate, Double p50, Double p95, Double p99) {}

    /** One figure of a subject (a feature, a group). */
    public record SubjectFigure(String subject, double value, long sampleSize) {}

    /** An open alert at the monitor. */
    public record OpenAlert(long id, String metric, String subject, double value, double threshold, Instant openedAt) {}

    /** A figure of one window. */
    public record Point(Instant start, double value) {}

    /**
     * What an LLM deployment's calls showed over the range, per window: prompt-injection attempts, refusals and
     * personal data (any kind) as shares of the prompts or responses scanned, tokens, and cost in {@code currency}.
     */
    public record LlmFigures(
            List<Point> injectionRate,
            List<Point> refusalRate,
            List<Point> personalDataInPrompts,
            List<Point> personalDataInResponses,
            List<Point> inputTokens,
            List<Point> outputTokens,
            List<Point> cost,
            String currency) {

        boolean isEmpty() {
            return injectionRate.isEmpty()
                    && refusalRate.isEmpty()
                    && personalDataInPrompts.isEmpty()
                    && personalDataInResponses.isEmpty()
                    && inputTokens.isEmpty()
                    && outputTokens.isEmpty()
                    && cost.isEmpty();
        }
    }

    /**
     * One linked deployment as the tab draws it; {@code problem} says why a part is missing, {@code llm} is null for a
     * deployment without LLM calls in the range.
     */
    public record Deployment(
            long linkId,
            String source,
            TelemetrySource.Kind kind,
            String deployment,
            TelemetryService.SourceStatus status,
            String resolution,
            Instant from,
            Instant to,
            List<Window> windows,
            List<SubjectFigure> drift,
            List<SubjectFigure> selectionRates,
            Double parityDifference,
            List<OpenAlert> alerts,
            String problem,
            LlmFigures llm) {}

    /** The linked deployments of a system over the last {@code range}. */
    @PreAuthorize(TelemetryService.READERS)
    public List<Deployment> of(long systemId, Duration range) {
        systems.get(systemId);
        Map<Long, TelemetrySource> byId =
                sources.findAll().stream().collect(Collectors.toMap(TelemetrySource::getId, Function.identity()));
        List<Deployment> out = new ArrayList<>();
        for (DeploymentLink link : links.findBySystemIdOrderById(systemId)) {
            TelemetrySource source = byId.get(link.getSourceId());
            if (source != null) {
                out.add(pull(link, source, range));
            }
        }
        return out;
    }

    private Deployment pull(DeploymentLink link, TelemetrySource source, Duration range) {
        Instant to = clock.instant();
        Instant from = to.minus(range);
        String resolution = range.compareTo(Duration.ofHours(6)) <= 0
                ? "5m"
                : range.compareTo(Duration.ofDays(8)) <= 0 ? "1h" : "1d";
        if (source.getKind() != TelemetrySource.Kind.AEGIS_MONITOR) {
            return new Deployment(
                    link.getId(),
                    source.getName(),
                    source.getKind(),
                    link.getDeployment(),
                    status(source),
                    resolution,
                    from,
                    to,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    List.of(),
                    "A Prometheus source is read by telemetry tests only (their PromQL queries).",
                    null);
        }
        String dep = "/monitor/v1/deployments/" + URLEncoder.encode(link.getDeployment(), StandardCharsets.UTF_8);
        String problem = null;
        List<Window> windows = new ArrayList<>();
        MonitorClient.Pull w =
                client.monitor(source, dep + "/windows?resolution=" + resolution + "&from=" + from + "&to=" + to);
        if (w.ok()) {
            for (JsonNode n : w.body()) {
                windows.add(new Window(
                        Instant.parse(n.path("start").asString()),
                        n.path("count").asLong(),
                        n.path("errors").asLong(),
                        n.path("errorRate").asDouble(),
                        number(n.path("latencyP50Ms")),
                        number(n.path("latencyP95Ms")),
                        number(n.path("latencyP99Ms"))));
            }
        } else {
            problem = w.problem();
        }
        List<SubjectFigure> drift = List.of();
        List<SubjectFigure> rates = List.of();
        Double parity = null;
        List<OpenAlert> alerts = new ArrayList<>();
        LlmFigures llm = null;
        if (problem == null) {
            // every figure of the range's resolution in one pull; the LLM ones are picked out
            MonitorClient.Pull all =
                    client.monitor(source, dep + "/figures?resolution=" + resolution + "&from=" + from + "&to=" + to);
            if (all.ok()) {
                llm = llm(all.body());
            }
            Instant figuresFrom = to.minus(Duration.ofDays(2));
            MonitorClient.Pull psi =
                    client.monitor(source, dep + "/figures?metric=PSI&resolution=1h&from=" + figuresFrom);
            drift = psi.ok() ? newest(psi.body()) : List.of();
            MonitorClient.Pull sel =
                    client.monitor(source, dep + "/figures?metric=SELECTION_RATE&resolution=1h&from=" + figuresFrom);
            rates = sel.ok() ? newest(sel.body()) : List.of();
            MonitorClient.Pull dpd = client.monitor(
                    source, dep + "/figures?metric=DEMOGRAPHIC_PARITY_DIFFERENCE&resolution=1h&from=" + figuresFrom);
            List<SubjectFigure> d = dpd.ok() ? newest(dpd.body()) : List.of();
            parity = d.isEmpty() ? null : d.getFirst().value();
            MonitorClient.Pull open = client.monitor(
                    source,
                    "/monitor/v1/alerts?state=OPEN&deployment="
                            + URLEncoder.encode(link.getDeployment(), StandardCharsets.UTF_8));
            if (open.ok()) {
                for (JsonNode a : open.body()) {
                    alerts.add(new OpenAlert(
                            a.path("id").asLong(),
                            a.path("metric").asString(""),
                            a.path("subject").isString() ? a.path("subject").asString() : "",
                            a.path("lastValue").asDouble(),
                            a.path("threshold").asDouble(),
                            Instant.parse(a.path("openedAt").asString())));
                }
            }
            if (!psi.ok() || !sel.ok() || !dpd.ok() || !open.ok() || !all.ok()) {
                problem = "part of the data could not be read";
            }
        }
        // read the status after the pulls, so it says what they found
        TelemetrySource fresh = sources.findById(source.getId()).orElse(source);
        return new Deployment(
                link.getId(),
                source.getName(),
                source.getKind(),
                link.getDeployment(),
                status(fresh),
                resolution,
                from,
                to,
                windows,
                drift,
                rates,
                parity,
                alerts,
                problem,
                llm);
    }

    /** The LLM figures among a deployment's figures (the whole deployment's, not per kind), or null when none. */
    private static LlmFigures llm(JsonNode figures) {
        Map<String, List<Point>> byMetric = new LinkedHashMap<>();
        String currency = "";
        for (JsonNode f : figures) {
            String metric = f.path("metric").asString("");
            if (!f.path("value").isNumber() || f.path("subject").isString()) {
                continue;
            }
            byMetric.computeIfAbsent(metric, m -> new ArrayList<>())
                    .add(new Point(
                            Instant.parse(f.path("windowStart").asString()),
                            f.path("value").asDouble()));
            if (metric.equals("COST") && f.path("detail").path("currency").isString()) {
                currency = f.path("detail").path("currency").asString();
            }
        }
        java.util.function.Function<String, List<Point>> of = m -> byMetric.getOrDefault(m, List.of()).stream()
                .sorted(Comparator.comparing(Point::start))
                .toList();
        LlmFigures llm = new LlmFigures(
                of.apply("PROMPT_INJECTION_RATE"),
                of.apply("REFUSAL_RATE"),
                of.apply("PERSONAL_DATA_PROMPT_RATE"),
                of.apply("PERSONAL_DATA_RESPONSE_RATE"),
                of.apply("INPUT_TOKENS"),
                of.apply("OUTPUT_TOKENS"),
                of.apply("COST"),
                currency);
        return llm.isEmpty() ? null : llm;
    }

    private TelemetryService.SourceStatus status(TelemetrySource s) {
        return new TelemetryService.SourceStatus(
                s.getLastSuccessAt(), s.getFailingSince(), s.getLastError(), client.breakerState(s.getId()));
    }

    /** The figures of the newest window among those given, one per subject, by subject. */
    private static List<SubjectFigure> newest(JsonNode figures) {
        Instant newest = null;
        for (JsonNode f : figures) {
            Instant ws = Instant.parse(f.path("windowStart").asString());
            newest = newest == null || ws.isAfter(newest) ? ws : newest;
        }
        Map<String, SubjectFigure> out = new LinkedHashMap<>();
        for (JsonNode f : figures) {
            if (Instant.parse(f.path("windowStart").asString()).equals(newest)
                    && f.path("value").isNumber()) {
                String subject =
                        f.path("subject").isString() ? f.path("subject").asString() : "all";
                out.put(
                        subject,
                        new SubjectFigure(
                                subject,
                                f.path("value").asDouble(),
                                f.path("sampleSize").asLong(0)));
            }
        }
        return out.values().stream()
                .sorted(Comparator.comparing(SubjectFigure::subject))
                .toList();
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}
