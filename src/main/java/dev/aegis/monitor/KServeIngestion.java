package dev.aegis.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes in KServe's inference logger: CloudEvents in binary mode ({@code ce-*} headers, the payload as the body), one
 * for the request ({@code org.kubeflow.serving.inference.request}) and one for the response ({@code
 * ...inference.response}) of each call, paired by {@code ce-id} in whichever order they come. The first half is kept
 * in {@code monitor.kserve_pending} (durable before the answer); when its partner arrives, the pair becomes one
 * prediction event per instance, checked and written like the batch API's events (skipping request ids already kept,
 * as the logger retries). A half whose partner has not come within {@code aegis.monitor.kserve.pair-timeout} is dropped
 * and counted ({@code aegis.monitor.kserve.unpaired}).
 *
 * <p>Payloads: the v1 protocol ({@code {"instances": [...]}} / {@code {"predictions": [...]}}) and the Open Inference
 * Protocol v2 ({@code {"inputs": [{name, shape, datatype, data}]}} / {@code {"outputs": [...]}}). An instance that is an
 * object gives its features by name; one that is a list, or a row of a v2 tensor of shape [n, k], gives them in the
 * order of the deployment's features; v2 inputs named after features, of shape [n] or [n, 1], give one feature each. A
 * prediction that is a number or text is the predicted label; a list of class probabilities gives the label at the
 * highest probability (among the deployment's labels, in their order) and that probability as the score.
 */
@Service
@WhenMonitorEnabled
public class KServeIngestion {

    public static final String REQUEST = "org.kubeflow.serving.inference.request";
    public static final String RESPONSE = "org.kubeflow.serving.inference.response";
    private static final Logger log = LoggerFactory.getLogger(KServeIngestion.class);
    private static final int PAIR_LOCK = 0x6b736576;

    /** The CloudEvent's attributes this adapter reads. */
    public record CloudEvent(
            String id, String type, String source, String time, String deployment, String contentType) {}

    /** What became of one CloudEvent: kept waiting for its partner, or paired into events. */
    public record Outcome(boolean waiting, IngestResult result) {}

    private final IngestService ingest;
    private final DeploymentService deployments;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration pairTimeout;
    private final Counter unpairedRequests;
    private final Counter unpairedResponses;

    KServeIngestion(
            IngestService ingest,
            DeploymentService deployments,
            TransactionTemplate tx,
            JdbcTemplate jdbc,
            JsonMapper json,
            Clock clock,
            MeterRegistry meters,
            @Value("${aegis.monitor.kserve.pair-timeout:5m}") Duration pairTimeout) {
        this.ingest = ingest;
        this.deployments = deployments;
        this.tx = tx;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.pairTimeout = pairTimeout;
        this.unpairedRequests = Counter.builder("aegis.monitor.kserve.unpaired")
                .tag("kind", "request")
                .description("KServe logger events whose partner never came")
                .register(meters);
        this.unpairedResponses = Counter.builder("aegis.monitor.kserve.unpaired")
                .tag("kind", "response")
                .description("KServe logger events whose partner never came")
                .register(meters);
    }

    /** Keeps one half of a call, or pairs it with the other half kept before and takes the call in. */
    @PreAuthorize(Permissions.INGEST)
    public Outcome receive(CloudEvent event, byte[] body) {
        if (event.id() == null || event.id().isBlank() || event.id().length() > 200) {
            throw new dev.aegis.shared.DomainRuleException(
                    "ce-id", "A CloudEvent has a ce-id (at most 200 characters).");
        }
        String kind;
        if (REQUEST.equals(event.type())) {
            kind = "request";
        } else if (RESPONSE.equals(event.type())) {
            kind = "response";
        } else {
            throw new dev.aegis.shared.DomainRuleException(
                    "ce-type", "ce-type is " + REQUEST + " or " + RESPONSE + ", not '" + event.type() + "'.");
        }
        if (event.deployment() == null || event.deployment().isBlank()) {
            throw new dev.aegis.shared.DomainRuleException(
                    "deployment",
                    "Name the deployment: the ce-inferenceservicename header (or the configured one), or ?deployment= "
                            + "in the logger's URL.");
        }
        Deployment deployment = deployments.find(event.deployment());
        JsonNode payload = parse(body);
        String partner = kind.equals("request") ? "response" : "request";
        return tx.execute(s -> {
            // the two halves may arrive at the same moment on two threads (or instances): one of them pairs
            jdbc.queryForObject("select pg_advisory_xact_lock(?, hashtext(?))", Object.class, PAIR_LOCK, event.id());
            List<byte[]> other = jdbc.query(
                    "delete from monitor.kserve_pending where ce_id = ? and kind = ? returning body",
                    (rs, i) -> rs.getBytes(1),
                    event.id(),
                    partner);
            if (other.isEmpty()) {
                jdbc.update(
                        "insert into monitor.kserve_pending (ce_id, deployment_id, kind, received_at, body, content_type) "
                                + "values (?, ?, ?, ?, ?, ?) on conflict (ce_id, kind) do update set body = excluded.body, "
                                + "received_at = excluded.received_at",
                        event.id(),
                        deployment.getId(),
                        kind,
                        Timestamp.from(clock.instant()),
                        stamped(payload, event.time()),
                        event.contentType());
                return new Outcome(true, new IngestResult(0, 0, List.of()));
            }
            JsonNode partnerPayload = parse(other.getFirst());
            JsonNode request = kind.equals("request") ? stamped(payload, event.time(), true) : partnerPayload;
            JsonNode response = kind.equals("response") ? stamped(payload, event.time(), true) : partnerPayload;
            byte[] events = json.writeValueAsBytes(events(deployment, event.id(), request, response));
            return new Outcome(false, ingest.ingestOnce(deployment.getName(), new ByteArrayInputStream(events)));
        });
    }

    /** Drops the halves whose partner has not come in time, and counts them. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    @SchedulerLock(name = "monitor.kserve-unpaired", lockAtMostFor = "PT5M")
    void dropUnpaired() {
        dropUnpaired(clock.instant().minus(pairTimeout));
    }

    int dropUnpaired(Instant before) {
        List<Map<String, Object>> dropped = jdbc.queryForList(
                "delete from monitor.kserve_pending where received_at < ? returning kind", Timestamp.from(before));
        long requests =
                dropped.stream().filter(r -> "request".equals(r.get("kind"))).count();
        unpairedRequests.increment(requests);
        unpairedResponses.increment(dropped.size() - requests);
        if (!dropped.isEmpty()) {
            log.warn(
                    "KServe logger: {} request(s) and {} response(s) never found their partner and were dropped",
                    requests,
                    dropped.size() - requests);
        }
        return dropped.size();
    }

    // ---- translation into the monitor's event JSON ---------------------------------------------------------------

    private ArrayNode events(Deployment deployment, String id, JsonNode request, JsonNode response) {
        List<JsonNode> inputs = rows(deployment, request);
        List<JsonNode> outputs = predictions(response);
        Instant requested = time(request);
        Instant responded = time(response);
        Instant at = responded != null ? responded : requested != null ? requested : clock.instant();
        Double latency = requested != null && responded != null && !responded.isBefore(requested)
                ? Duration.between(requested, responded).toNanos() / 1e6
                : null;
        int n = Math.max(inputs.size(), outputs.size());
        ArrayNode events = json.createArrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode e = events.addObject();
            e.put("requestId", n == 1 ? id : id + "/" + i);
            e.put("timestamp", at.toString());
            if (latency != null) {
                e.put("latencyMs", latency);
            }
            e.put("outcome", "ok");
            if (i < inputs.size() && inputs.get(i) != null) {
                e.set("features", inputs.get(i));
            }
            if (i < outputs.size()) {
                prediction(deployment, outputs.get(i), e);
            }
        }
        return events;
    }

    /** The instances of a v1 or v2 request, each as a features object (or null when it cannot be read). */
    private List<JsonNode> rows(Deployment deployment, JsonNode request) {
        List<Feature> features = deployment.getFeatures();
        List<JsonNode> rows = new ArrayList<>();
        if (request.has("instances")) {
            for (JsonNode instance : request.path("instances")) {
                rows.add(instance.isObject() ? instance : instance.isArray() ? byPosition(features, instance) : null);
            }
        } else if (request.has("inputs")) {
            JsonNode inputs = request.path("inputs");
            boolean named = inputs.size() > 1
                    || (inputs.size() == 1
                            && features.stream()
                                    .anyMatch(f -> f.name()
                                            .equals(inputs.get(0).path("name").asString(""))));
            if (named) {
                for (JsonNode tensor : inputs) {
                    String name = tensor.path("name").asString("");
                    JsonNode data = flat(tensor.path("data"));
                    for (int i = 0; i < data.size(); i++) {
                        while (rows.size() <= i) {
                            rows.add(json.createObjectNode());
                        }
                        ((ObjectNode) rows.get(i)).set(name, data.get(i));
                    }
                }
            } else if (inputs.size() == 1) {
                JsonNode tensor = inputs.get(0);
                JsonNode data = flat(tensor.path("data"));
                JsonNode shape = tensor.path("shape");
                int width = shape.size() >= 2 ? shape.get(shape.size() - 1).asInt(1) : 1;
                for (int start = 0; width > 0 && start + width <= data.size(); start += width) {
                    ArrayNode row = json.createArrayNode();
                    for (int j = 0; j < width; j++) {
                        row.add(data.get(start + j));
                    }
                    rows.add(byPosition(features, row));
                }
            }
        }
        return rows;
    }

    /** The predictions of a v1 or v2 response, one per instance. */
    private List<JsonNode> predictions(JsonNode response) {
        List<JsonNode> out = new ArrayList<>();
        if (response.has("predictions")) {
            response.path("predictions").forEach(out::add);
        } else if (response.has("outputs") && response.path("outputs").size() > 0) {
            JsonNode tensor = response.path("outputs").get(0);
            JsonNode data = flat(tensor.path("data"));
            JsonNode shape = tensor.path("shape");
            int width = shape.size() >= 2 ? shape.get(shape.size() - 1).asInt(1) : 1;
            for (int start = 0; width > 0 && start + width <= data.size(); start += width) {
                if (width == 1) {
                    out.add(data.get(start));
                } else {
                    ArrayNode row = json.createArrayNode();
                    for (int j = 0; j < width; j++) {
                        row.add(data.get(start + j));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private void prediction(Deployment deployment, JsonNode p, ObjectNode event) {
        if (p.isArray() && !p.isEmpty() && p.get(0).isNumber()) {
            int best = 0;
            for (int j = 1; j < p.size(); j++) {
                if (p.get(j).asDouble() > p.get(best).asDouble()) {
                    best = j;
                }
            }
            List<String> labels = deployment.getLabels();
            event.put("predictedLabel", best < labels.size() ? labels.get(best) : Integer.toString(best));
            event.put("score", p.get(best).asDouble());
        } else if (p.isIntegralNumber() || p.isString() || p.isBoolean()) {
            event.put("predictedLabel", p.isString() ? p.asString() : p.toString());
        } else if (p.isNumber()) {
            double d = p.asDouble();
            if (d == Math.rint(d)) {
                event.put("predictedLabel", Long.toString((long) d));
            } else {
                event.put("score", d);
            }
        }
    }

    private ObjectNode byPosition(List<Feature> features, JsonNode values) {
        ObjectNode row = json.createObjectNode();
        for (int j = 0; j < values.size() && j < features.size(); j++) {
            row.set(features.get(j).name(), values.get(j));
        }
        return row;
    }

    /** A v2 tensor's data, flattened (the protocol allows nested lists in row-major order). */
    private ArrayNode flat(JsonNode data) {
        ArrayNode out = json.createArrayNode();
        flatten(data, out);
        return out;
    }

    private static void flatten(JsonNode data, ArrayNode out) {
        if (data.isArray()) {
            data.forEach(d -> flatten(d, out));
        } else if (!data.isMissingNode()) {
            out.add(data);
        }
    }

    // ---- payload and time --------------------------------------------------------------------------------------

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IngestProblems.Malformed("A KServe logger payload is a JSON object (v1 or v2 protocol).");
            }
            return node;
        } catch (JacksonException e) {
            throw new IngestProblems.Malformed("The payload is not JSON: " + e.getOriginalMessage());
        }
    }

    /** The payload as kept while it waits, with the CloudEvent's time beside it. */
    private byte[] stamped(JsonNode payload, String time) {
        return json.writeValueAsBytes(stamped(payload, time, true));
    }

    private JsonNode stamped(JsonNode payload, String time, boolean copy) {
        ObjectNode node = ((ObjectNode) payload).deepCopy();
        node.put("__aegisCeTime", time != null ? time : clock.instant().toString());
        return node;
    }

    private static Instant time(JsonNode payload) {
        String t = payload.path("__aegisCeTime").asString(null);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(t).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
