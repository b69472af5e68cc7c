package dev.aegis.monitor;

import dev.aegis.monitor.IngestResult.Rejection;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one event (a JSON object) or a batch (a JSON array of objects) from a request body, event by event, and
 * checks each against its deployment: a bad event is refused with its index, field and reason, the others are kept.
 * Streaming keeps a large batch from being read into one tree.
 */
final class EventReader {

    static final double MAX_LATENCY_MS = 3_600_000;
    private static final Set<String> FIELDS = Set.of(
            "requestId",
            "timestamp",
            "latencyMs",
            "outcome",
            "errorClass",
            "features",
            "predictedLabel",
            "score",
            "group",
            "llm");
    private static final Set<String> LLM_FIELDS = Set.of(
            "model",
            "provider",
            "operation",
            "prompt",
            "response",
            "inputTokens",
            "outputTokens",
            "finishReason",
            "cost");
    /** The longest prompt or response scanned (characters); a longer one is refused rather than cut. */
    static final int MAX_TEXT = 1_000_000;

    /** The events read and checked, and the reasons for the ones refused. */
    record Batch(List<PredictionEvent> events, List<Rejection> rejections) {}

    private final JsonMapper json;
    /** Reads one event object off the stream; the events after it are no "trailing tokens". */
    private final ObjectReader nodes;

    private final Deployment deployment;
    private final Map<String, Feature.Kind> features = new HashMap<>();
    private final Set<String> labels;
    private final Instant oldest;
    private final Instant newest;
    private final int maxEvents;
    private final LlmScanner llm;

    /** {@code oldest}/{@code newest} bound the timestamps accepted ({@code null}: any). */
    EventReader(JsonMapper json, Deployment deployment, Instant oldest, Instant newest, int maxEvents, LlmScanner llm) {
        this.llm = llm;
        this.json = json;
        this.nodes = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.deployment = deployment;
        deployment.getFeatures().forEach(f -> features.put(f.name(), f.kind()));
        this.labels = Set.copyOf(deployment.getLabels());
        this.oldest = oldest;
        this.newest = newest;
        this.maxEvents = maxEvents;
    }

    Batch read(InputStream body) {
        List<PredictionEvent> events = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (JsonParser p = json.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                check(0, nodes.readValue(p), events, rejections);
            } else if (first == JsonToken.START_ARRAY) {
                int index = 0;
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t == null) {
                        throw new IngestProblems.Malformed("The JSON array is not closed.");
                    }
                    if (index >= maxEvents) {
                        throw new IngestProblems.TooMany("Send at most " + maxEvents + " events per request.");
                    }
                    if (t == JsonToken.START_OBJECT) {
                        check(index, nodes.readValue(p), events, rejections);
                    } else {
                        p.skipChildren();
                        rejections.add(new Rejection(index, null, "An event is a JSON object."));
                    }
                    index++;
                }
            } else {
                throw new IngestProblems.Malformed(
                        "Send one event as a JSON object or a batch as a JSON array of objects.");
            }
        } catch (JacksonException e) {
            throw new IngestProblems.Malformed("The body is not valid JSON: " + e.getOriginalMessage());
        }
        return new Batch(events, rejections);
    }

    private void check(int index, JsonNode node, List<PredictionEvent> events, List<Rejection> rejections) {
        try {
            events.add(event(node));
        } catch (Refused r) {
            rejections.add(new Rejection(index, r.field, r.getMessage()));
        }
    }

    private PredictionEvent event(JsonNode n) {
        for (String name : n.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new Refused(name, "Unknown field; an event has " + FIELDS + ".");
            }
        }
        String requestId = text(n, "requestId", 200, true);
        Instant timestamp = timestamp(n.get("timestamp"));
        Double latency = number(n, "latencyMs");
        if (latency != null && (latency < 0 || latency > MAX_LATENCY_MS)) {
            throw new Refused("latencyMs", "Latency is between 0 and " + (long) MAX_LATENCY_MS + " ms.");
        }
        String outcome = text(n, "outcome", 10, true);
        boolean error;
        if ("ok".equalsIgnoreCase(outcome)) {
            error = false;
        } else if ("error".equalsIgnoreCase(outcome)) {
            error = true;
        } else {
            throw new Refused("outcome", "outcome is 'ok' or 'error'.");
        }
        String errorClass = text(n, "errorClass", 200, false);
        if (errorClass != null && !error) {
            throw new Refused("errorClass", "Only an event with outcome 'error' has an error class.");
        }
        String features = features(n.get("features"));
        String label = scalarText(n, "predictedLabel", 200);
        if (label != null && !labels.isEmpty() && !labels.contains(label)) {
            throw new Refused("predictedLabel", "'" + label + "' is none of the deployment's labels " + labels + ".");
        }
        Double score = number(n, "score");
        String group = scalarText(n, "group", 200);
        String llmJson = llm(n.get("llm"));
        return new PredictionEvent(
                requestId, timestamp, latency, error, errorClass, features, label, score, group, llmJson);
    }

    /** An LLM call's model, tokens and text: scanned into signals here; the text goes no further. */
    private String llm(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Refused("llm", "llm is a JSON object with " + LLM_FIELDS + ".");
        }
        for (String name : node.propertyNames()) {
            if (!LLM_FIELDS.contains(name)) {
                throw new Refused("llm." + name, "Unknown field; llm has " + LLM_FIELDS + ".");
            }
        }
        Double cost = number(node, "cost");
        if (cost != null && cost < 0) {
            throw new Refused("llm.cost", "A cost is not negative.");
        }
        var call = new LlmScanner.Call(
                prefixed(() -> text(node, "model", 200, false)),
                prefixed(() -> text(node, "provider", 100, false)),
                prefixed(() -> text(node, "operation", 100, false)),
                prefixed(() -> text(node, "prompt", MAX_TEXT, false)),
                prefixed(() -> text(node, "response", MAX_TEXT, false)),
                tokens(node, "inputTokens"),
                tokens(node, "outputTokens"),
                prefixed(() -> text(node, "finishReason", 100, false)),
                cost);
        return llm.signals(call, deployment);
    }

    private static <T> T prefixed(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (Refused r) {
            throw new Refused("llm." + r.field, r.getMessage());
        }
    }

    private static Long tokens(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0) {
            throw new Refused("llm." + field, field + " is a whole number, not negative.");
        }
        return v.asLong();
    }

    private Instant timestamp(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new Refused(
                    "timestamp",
                    "Give the time of the prediction (ISO-8601, e.g. 2026-11-25T21:00:00Z, "
                            + "or epoch milliseconds).");
        }
        Instant at;
        if (node.isIntegralNumber()) {
            at = Instant.ofEpochMilli(node.asLong());
        } else if (node.isString()) {
            try {
                at = FastTime.parse(node.asString());
            } catch (DateTimeParseException e) {
                throw new Refused("timestamp", "Not an ISO-8601 time with offset, e.g. 2026-11-25T21:00:00Z.");
            }
        } else {
            throw new Refused("timestamp", "Give the time as an ISO-8601 string or epoch milliseconds.");
        }
        // PostgreSQL keeps microseconds: the instant compared (a redelivery, the window it counts in) is the one kept
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (oldest != null && at.isBefore(oldest)) {
            throw new Refused("timestamp", "Older than the monitor keeps raw events (before " + oldest + ").");
        }
        if (newest != null && at.isAfter(newest)) {
            throw new Refused("timestamp", "Too far in the future (after " + newest + ").");
        }
        return at;
    }

    private String features(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new Refused("features", "features is a JSON object of feature name to value.");
        }
        for (var entry : node.properties()) {
            Feature.Kind kind = features.get(entry.getKey());
            JsonNode value = entry.getValue();
            String field = "features." + entry.getKey();
            if (kind == null) {
                throw new Refused(
                        field, "Not a feature of deployment " + deployment.getName() + " " + features.keySet() + ".");
            }
            if (value.isNull()) {
                continue;
            }
            if (kind == Feature.Kind.NUMERIC && !value.isNumber()) {
                throw new Refused(field, "A numeric feature takes a number.");
            }
            if (kind == Feature.Kind.CATEGORICAL && !(value.isString() || value.isNumber() || value.isBoolean())) {
                throw new Refused(
                        field, "A categorical feature takes a string (or a number or boolean as its category).");
            }
            if (kind == Feature.Kind.CATEGORICAL
                    && value.isString()
                    && value.asString().length() > 200) {
                throw new Refused(field, "A category has at most 200 characters.");
            }
        }
        return node.toString();
    }

    private static String text(JsonNode n, String field, int max, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Refused(field, field + " is required.");
            }
            return null;
        }
        if (!v.isString()) {
            throw new Refused(field, field + " is a string.");
        }
        String s = v.asString();
        if (s.isBlank() && required) {
            throw new Refused(field, field + " is required.");
        }
        if (s.length() > max) {
            throw new Refused(field, field + " has at most " + max + " characters.");
        }
        return s;
    }

    /** A label or group may come as a string, number or boolean; it is kept as text. */
    private static String scalarText(JsonNode n, String field, int max) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!(v.isString() || v.isNumber() || v.isBoolean())) {
            throw new Refused(field, field + " is a string, number or boolean.");
        }
        String s = v.isString() ? v.asString() : v.toString();
        if (s.length() > max) {
            throw new Refused(field, field + " has at most " + max + " characters.");
        }
        return s;
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new Refused(field, field + " is a number.");
        }
        double d = v.asDouble();
        if (!Double.isFinite(d)) {
            throw new Refused(field, field + " is a finite number.");
        }
        return d;
    }

    private static final class Refused extends RuntimeException {
        final String field;

        Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
