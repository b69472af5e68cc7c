package dev.aegis.monitor;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in OpenTelemetry traces (OTLP/HTTP, JSON or protobuf encoding) following the GenAI semantic conventions: each span with a
 * {@code gen_ai.*} operation becomes a prediction event of the deployment its resource names (the resource attribute
 * {@code aegis.monitor.otlp.deployment-attribute}, {@code service.name} by default), with the model, provider,
 * operation, tokens and finish reason as the event's LLM call, the span's duration as latency and its status or
 * {@code error.type} as the outcome. Prompt and response, when the instrumentation captures them
 * ({@code gen_ai.input.messages}/{@code gen_ai.output.messages}, or the older {@code gen_ai.prompt}/{@code
 * gen_ai.completion}), are scanned for the risk signals and dropped. Spans without {@code gen_ai.*} attributes are
 * not LLM calls and are skipped; spans that cannot be kept are counted and named in OTLP's partial success.
 */
@Service
@WhenMonitorEnabled
public class OtlpIngestion {

    /** OTLP's answer: how many spans were refused and why (empty message when all were kept). */
    public record Outcome(long rejectedSpans, String errorMessage, int accepted, int skipped) {}

    private final DeploymentService deployments;
    private final IngestService ingest;
    private final LlmScanner llm;
    private final MonitorSettings settings;
    private final JsonMapper json;
    private final java.time.Clock clock;
    private final String deploymentAttribute;

    OtlpIngestion(
            DeploymentService deployments,
            IngestService ingest,
            LlmScanner llm,
            MonitorSettings settings,
            JsonMapper json,
            java.time.Clock clock,
            @Value("${aegis.monitor.otlp.deployment-attribute:service.name}") String deploymentAttribute) {
        this.deployments = deployments;
        this.ingest = ingest;
        this.llm = llm;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.deploymentAttribute = deploymentAttribute;
    }

    /** One span as both encodings carry it: ids in hex, times in ns since 1970, attributes as plain values. */
    record Span(
            String spanId,
            long startNanos,
            long endNanos,
            boolean statusError,
            String statusMessage,
            Map<String, Object> attributes) {}

    /** The spans of one resource and the deployment its attribute names (null: none). */
    record ResourceSpans(String deployment, List<Span> spans) {}

    /** Reads an {@code ExportTraceServiceRequest} in OTLP's JSON encoding and keeps its GenAI spans. */
    @PreAuthorize(Permissions.INGEST)
    public Outcome traces(InputStream body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException e) {
            throw new IngestProblems.Malformed("The body is not OTLP JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new IngestProblems.Malformed("Send an ExportTraceServiceRequest: {\"resourceSpans\": [...]}.");
        }
        List<ResourceSpans> resources = new ArrayList<>();
        int count = 0;
        for (JsonNode resourceSpans : request.path("resourceSpans")) {
            Map<String, Object> resource =
                    OtlpValues.attributes(resourceSpans.path("resource").path("attributes"));
            List<Span> spans = new ArrayList<>();
            for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
                for (JsonNode span : scopeSpans.path("spans")) {
                    count = tooMany(count);
                    JsonNode code = span.path("status").path("code");
                    spans.add(new Span(
                            span.path("spanId").asString(""),
                            nanos(span.path("startTimeUnixNano")),
                            nanos(span.path("endTimeUnixNano")),
                            code.asInt(0) == 2 || "STATUS_CODE_ERROR".equals(code.asString("")),
                            blankToNull(span.path("status").path("message").asString("")),
                            OtlpValues.attributes(span.path("attributes"))));
                }
            }
            resources.add(new ResourceSpans(OtlpValues.string(resource.get(deploymentAttribute)), spans));
        }
        return keep(resources);
    }

    /** Reads an {@code ExportTraceServiceRequest} in OTLP's protobuf encoding and keeps its GenAI spans. */
    @PreAuthorize(Permissions.INGEST)
    public Outcome traces(ExportTraceServiceRequest request) {
        List<ResourceSpans> resources = new ArrayList<>();
        int count = 0;
        for (var resourceSpans : request.getResourceSpansList()) {
            Map<String, Object> resource =
                    OtlpValues.attributes(resourceSpans.getResource().getAttributesList());
            List<Span> spans = new ArrayList<>();
            for (var scopeSpans : resourceSpans.getScopeSpansList()) {
                for (var span : scopeSpans.getSpansList()) {
                    count = tooMany(count);
                    spans.add(new Span(
                            OtlpValues.hex(span.getSpanId()),
                            span.getStartTimeUnixNano(),
                            span.getEndTimeUnixNano(),
                            span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR,
                            blankToNull(span.getStatus().getMessage()),
                            OtlpValues.attributes(span.getAttributesList())));
                }
            }
            resources.add(new ResourceSpans(OtlpValues.string(resource.get(deploymentAttribute)), spans));
        }
        return keep(resources);
    }

    private int tooMany(int count) {
        if (++count > settings.maxBatchEvents()) {
            throw new IngestProblems.TooMany("Send at most " + settings.maxBatchEvents() + " spans per request.");
        }
        return count;
    }

    private Outcome keep(List<ResourceSpans> resources) {
        Instant now = clock.instant();
        Instant oldest = now.minus(settings.retention());
        Instant newest = now.plus(settings.futureTolerance());
        // the GenAI spans by deployment name first: each is scanned with its deployment's own patterns
        Map<String, List<Span>> byName = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long rejected = 0;
        int skipped = 0;
        for (ResourceSpans resource : resources) {
            String deployment = resource.deployment();
            for (Span span : resource.spans()) {
                if (!genAi(span.attributes())) {
                    skipped++;
                    continue;
                }
                if (deployment == null) {
                    rejected++;
                    problems.add("span " + span.spanId() + ": the resource has no " + deploymentAttribute);
                    continue;
                }
                byName.computeIfAbsent(deployment, d -> new ArrayList<>()).add(span);
            }
        }
        int accepted = 0;
        for (var entry : byName.entrySet()) {
            Optional<Deployment> deployment = deployments.findOptional(entry.getKey());
            if (deployment.isEmpty()) {
                rejected += entry.getValue().size();
                problems.add(entry.getValue().size() + " span(s) of " + deploymentAttribute + " '" + entry.getKey()
                        + "': no deployment of that name (register it first)");
                continue;
            }
            List<PredictionEvent> events = new ArrayList<>(entry.getValue().size());
            for (Span span : entry.getValue()) {
                try {
                    events.add(event(span, deployment.get(), oldest, newest));
                } catch (IllegalArgumentException e) {
                    rejected++;
                    problems.add("span " + span.spanId() + ": " + e.getMessage());
                }
            }
            if (!events.isEmpty()) {
                ingest.keepChecked(deployment.get(), events, 0);
                accepted += events.size();
            }
        }
        String message = problems.size() > 20
                ? String.join("; ", problems.subList(0, 20)) + "; and " + (problems.size() - 20) + " more"
                : String.join("; ", problems);
        return new Outcome(rejected, message, accepted, skipped);
    }

    private PredictionEvent event(Span span, Deployment deployment, Instant oldest, Instant newest) {
        Map<String, Object> a = span.attributes();
        String spanId = span.spanId();
        if (spanId.isBlank()) {
            throw new IllegalArgumentException("no spanId");
        }
        long start = span.startNanos();
        long end = span.endNanos();
        if (end <= 0) {
            throw new IllegalArgumentException("no endTimeUnixNano");
        }
        Instant at = Instant.ofEpochSecond(end / 1_000_000_000L, end % 1_000_000_000L);
        if (at.isBefore(oldest)) {
            throw new IllegalArgumentException("ended before the monitor keeps raw events (" + oldest + ")");
        }
        if (at.isAfter(newest)) {
            throw new IllegalArgumentException("ends too far in the future (after " + newest + ")");
        }
        Double latency = start > 0 && end >= start ? (end - start) / 1e6 : null;
        if (latency != null && latency > EventReader.MAX_LATENCY_MS) {
            throw new IllegalArgumentException("lasted longer than an hour");
        }
        String errorType = cut(OtlpValues.string(a.get("error.type")), 200);
        boolean error = errorType != null || span.statusError();
        if (error && errorType == null) {
            errorType = cut(span.statusMessage(), 200);
        }
        String model = Optional.ofNullable(OtlpValues.string(a.get("gen_ai.response.model")))
                .orElse(OtlpValues.string(a.get("gen_ai.request.model")));
        String provider = Optional.ofNullable(OtlpValues.string(a.get("gen_ai.provider.name")))
                .orElse(OtlpValues.string(a.get("gen_ai.system")));
        Object reasons = a.get("gen_ai.response.finish_reasons");
        String finish = reasons instanceof List<?> list
                ? (list.isEmpty() ? null : OtlpValues.string(list.getFirst()))
                : OtlpValues.string(reasons);
        String prompt = Optional.ofNullable(OtlpValues.string(a.get("gen_ai.input.messages")))
                .orElse(OtlpValues.string(a.get("gen_ai.prompt")));
        String response = Optional.ofNullable(OtlpValues.string(a.get("gen_ai.output.messages")))
                .orElse(OtlpValues.string(a.get("gen_ai.completion")));
        var call = new LlmScanner.Call(
                cut(model, 200),
                cut(provider, 100),
                cut(OtlpValues.string(a.get("gen_ai.operation.name")), 100),
                cut(prompt, EventReader.MAX_TEXT),
                cut(response, EventReader.MAX_TEXT),
                tokens(a.get("gen_ai.usage.input_tokens")),
                tokens(a.get("gen_ai.usage.output_tokens")),
                cut(finish, 100),
                null);
        return new PredictionEvent(
                cut(spanId, 200),
                at,
                latency,
                error,
                error ? errorType : null,
                null,
                null,
                null,
                null,
                llm.signals(call, deployment));
    }

    private static boolean genAi(Map<String, Object> a) {
        return a.containsKey("gen_ai.operation.name")
                || a.containsKey("gen_ai.system")
                || a.containsKey("gen_ai.provider.name")
                || a.containsKey("gen_ai.request.model");
    }

    /** OTLP JSON writes 64-bit integers as strings (and some exporters as numbers). */
    private static Long tokens(Object value) {
        String s = OtlpValues.string(value);
        if (s == null) {
            return null;
        }
        try {
            long n = value instanceof Double d ? d.longValue() : Long.parseLong(s.trim());
            if (n < 0) {
                throw new IllegalArgumentException("negative token count " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a token count is a whole number, not '" + s + "'");
        }
    }

    private static long nanos(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return 0;
        }
        try {
            return value.isNumber()
                    ? value.asLong()
                    : Long.parseLong(value.asString().trim());
        } catch (NumberFormatException e) {
            return 0; // refused as having no time
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
