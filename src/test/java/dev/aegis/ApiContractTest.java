package dev.aegis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.security.Role;
import dev.aegis.security.TestAccounts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Aegis's API keeps the contract its own OpenAPI document states. One walk over every {@code /api}, {@code /monitor}
 * and {@code /portal} operation sends bad ids, bad query values, malformed JSON, wrong-typed and oversized fields and
 * minimal bodies: no answer is a 5xx, every 4xx is a problem detail, every refusal names its field or parameter. The
 * committed {@code docs/openapi.json} is the document the application serves (see {@link #DRIFT_HELP}).
 *
 * <p>Path ids are ids nothing has, so requests that get through validation end in a 404 instead of changing data;
 * the creations that do happen (minimal bodies on collections) carry unique names. Portal calls come from a client
 * address of their own (127.0.0.2), so the portal's per-address rate limit other tests use is not spent here.
 */
@AegisTest
class ApiContractTest {

    static final Path COMMITTED = Path.of("docs", "openapi.json");
    static final String DRIFT_HELP =
            "docs/openapi.json differs from the OpenAPI document the application serves. If the "
                    + "API change is intended, regenerate the file with\n  ./mvnw -B test -Dtest=ApiContractTest "
                    + "-Daegis.openapi.write=true\nand commit it.";
    /** An id no record has: requests that pass validation end in a 404 instead of changing data. */
    static final String UNKNOWN_ID = "2000000123";

    static final int OVERSIZED = 70_000;
    /** Operations whose minimal request would change shared data other tests read: only refused requests go there. */
    static final Set<String> NO_MINIMAL_CALL =
            Set.of("POST /api/v1/controls/starter/adopt", "POST /api/v1/soa/versions");

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String unique = Long.toString(System.nanoTime(), 36);

    @Test
    void the_openapi_document_is_read_with_a_personal_api_token_and_closed_to_anonymous_callers() {
        Http http = new Http(port);
        String token = accounts.tokenFor(accounts.create("reader", Role.AUDITOR));
        HttpResponse<String> read = http.get("/v3/api-docs", token);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Http.json(read).path("openapi").asString()).startsWith("3.");
        assertThat(http.get("/v3/api-docs", null).statusCode()).isNotEqualTo(200);
        HttpResponse<String> badToken = http.get("/v3/api-docs", "aeg_not-a-token-000000000000");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void the_committed_openapi_document_is_the_one_the_application_serves() throws IOException {
        String served = served();
        if (Boolean.getBoolean("aegis.openapi.write")) {
            Files.writeString(COMMITTED, served);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        if (!committed.equals(served)) {
            throw new AssertionError(DRIFT_HELP + "\n" + firstDifference(committed, served));
        }
    }

    @Test
    void fields_the_document_calls_optional_may_be_left_out_and_refusals_name_the_field() {
        Http http = new Http(port);
        String admin = accounts.tokenFor(accounts.create("admin", Role.ADMIN));
        HttpResponse<String> vendor = http.post("/api/v1/vendors", admin, """
                {"name": "No GDPR statement %s", "criticality": "LOW", "dpaStatus": "NONE"}""".formatted(unique));
        assertThat(vendor.statusCode()).as(vendor.body()).isEqualTo(201);
        assertThat(Http.json(vendor).path("meetsGdpr").asBoolean()).isFalse();

        String monitor = Http.json(http.post("/api/v1/monitor/tokens", admin, "{\"name\": \"optional\"}"))
                .path("token")
                .asString();
        HttpResponse<String> deployment = http.post("/monitor/v1/deployments", monitor, """
                {"name": "no-score-%s", "modelVersion": "1", "owner": "Contract team", "features": [{"name": "age", "kind": "NUMERIC"}],
                 "labels": ["0", "1"]}""".formatted(unique));
        assertThat(deployment.statusCode()).as(deployment.body()).isEqualTo(201);

        HttpResponse<String> badEnum = http.post("/api/v1/vendors", admin, """
                {"name": "Bad level %s", "criticality": "EXTREME", "dpaStatus": "NONE"}""".formatted(unique));
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(badEnum.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode error = Http.json(badEnum).path("errors").get(0);
        assertThat(error.path("pointer").asString()).isEqualTo("/criticality");
        assertThat(error.path("allowedValues").values())
                .extracting(JsonNode::asString)
                .contains("LOW", "HIGH");

        HttpResponse<String> wrongType = http.post("/api/v1/vendors", admin, """
                {"name": "Wrong type %s", "criticality": "LOW", "dpaStatus": "NONE", "meetsGdpr": "perhaps"}""".formatted(unique));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(Http.json(wrongType).path("errors").get(0).path("pointer").asString())
                .isEqualTo("/meetsGdpr");

        HttpResponse<String> page = http.get("/api/v1/packs?page=-1", admin);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(400);
        assertThat(Http.json(page).path("errors").get(0).path("parameter").asString())
                .isEqualTo("page");
        assertThat(http.get("/api/v1/risks?size=100000", admin).statusCode()).isEqualTo(400);

        HttpResponse<String> badId = http.get("/api/v1/risks/abc", admin);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(Http.json(badId).path("errors").get(0).path("parameter").asString())
                .isEqualTo("id");
    }

    @Test
    void unknown_api_paths_answer_404_problem_details() {
        Http http = new Http(port);
        String token = accounts.tokenFor(accounts.create("admin", Role.ADMIN));
        for (String path : List.of("/api/v1/no-such-thing", "/api/v2/risks", "/api/v1/risks/1/no-such-step")) {
            HttpResponse<String> answer = http.get(path, token);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .contains("application/problem+json");
        }
        assertThat(http.get("/api/v1/no-such-thing", null).statusCode()).isEqualTo(401);
    }

    @Test
    void every_operation_refuses_bad_input_with_a_problem_detail_that_names_the_field() {
        JsonNode document = JSON.readTree(served());
        Tokens tokens = tokens();
        List<String> offences = new ArrayList<>();
        int[] requests = {0};
        Consumer<Probe> check = probe -> {
            requests[0]++;
            String offence = probe.offence();
            if (offence != null) {
                offences.add(offence);
            }
        };
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                        try {
                            new Operation(document, path.getKey(), op.getKey().toUpperCase(), op.getValue(), tokens)
                                    .probes()
                                    .forEach(check);
                        } catch (RuntimeException e) {
                            offences.add(
                                    "could not probe " + op.getKey().toUpperCase() + " " + path.getKey() + ": " + e);
                        }
                    }
                }));
        assertThat(requests[0]).as("requests sent").isBetween(200, 4000);
        assertThat(offences)
                .as(
                        "%d of %d requests broke the contract:%n%s",
                        offences.size(), requests[0], String.join("\n", offences))
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------

    record Tokens(String admin, String monitor, String portal) {}

    /** An administrator's API token, a monitor token and a real vendor portal link, all made over the API. */
    private Tokens tokens() {
        Http http = new Http(port);
        String admin = accounts.tokenFor(accounts.create("contract", Role.ADMIN));
        HttpResponse<String> monitor =
                http.post("/api/v1/monitor/tokens", admin, "{\"name\": \"contract-" + unique + "\"}");
        assertThat(monitor.statusCode()).as(monitor.body()).isEqualTo(201);
        HttpResponse<String> vendor = http.post("/api/v1/vendors", admin, """
                {"name": "Contract vendor %s", "criticality": "LOW", "dpaStatus": "NONE"}""".formatted(unique));
        assertThat(vendor.statusCode()).as(vendor.body()).isEqualTo(201);
        HttpResponse<String> template = http.post("/api/v1/vendor-templates", admin, """
                {"format": "aegis-questionnaire/1", "key": "contract-%s", "title": "Contract", "description": null,
                 "sections": [{"id": "s", "title": "Security", "questions": [
                   {"id": "q1", "type": "YES_NO", "text": "Encrypted?", "required": true, "weight": 1,
                    "options": [{"value": "yes", "label": "Yes", "score": 100}, {"value": "no", "label": "No", "score": 0}],
                    "showIf": null, "requirements": []}]}]}""".formatted(unique));
        assertThat(template.statusCode()).as(template.body()).isEqualTo(201);
        HttpResponse<String> started = http.post(
                "/api/v1/vendors/" + Http.json(vendor).path("id").asLong() + "/assessments",
                admin,
                "{\"templateId\": " + Http.json(template).path("id").asLong() + ", \"dueOn\": \""
                        + LocalDate.now().plusDays(30) + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        HttpResponse<String> link =
                http.post("/api/v1/assessments/" + Http.json(started).path("id").asLong() + "/link", admin, null);
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        String portal = Http.json(link).path("path").asString().substring("/portal/v1/".length());
        return new Tokens(admin, Http.json(monitor).path("token").asString(), portal);
    }

    /** The document as served, keys sorted and pretty-printed: the form docs/openapi.json is committed in. */
    private String served() {
        Http http = new Http(port);
        HttpResponse<String> read =
                http.get("/v3/api-docs", accounts.tokenFor(accounts.create("reader", Role.AUDITOR)));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(Http.json(read))) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    private static String firstDifference(String committed, String served) {
        String[] a = committed.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end of file>";
            String right = i < b.length ? b[i] : "<end of file>";
            if (!left.equals(right)) {
                return "First difference at line " + (i + 1) + ":\n  committed: " + left.strip() + "\n  served:    "
                        + right.strip();
            }
        }
        return "";
    }

    /** One request and what it must get: {@code field} is the field or parameter a refusal has to name. */
    private record Probe(
            String label,
            HttpResponse<String> answer,
            String field,
            boolean mustRefuse,
            List<String> omitted,
            String allowedValue) {

        String offence() {
            int status = answer.statusCode();
            String body = answer.body() == null ? "" : answer.body();
            String type = answer.headers().firstValue("Content-Type").orElse("");
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            String said = label + "\n    -> " + status + " " + type + " " + shown.replace("\n", " ");
            if (status >= 500) {
                return "5xx: " + said;
            }
            // the monitor's Prometheus exposition is data: its labels may name an error type (e.g. a model's exception)
            boolean metrics = type.startsWith("text/plain;version=0.0.4");
            if (body.contains("\tat ") || !metrics && body.contains("Exception")) {
                return "internals in the body: " + said;
            }
            if (status >= 400 && !type.startsWith("application/problem+json")) {
                return "not a problem detail: " + said;
            }
            if (mustRefuse && (status < 400 || status == 404 && field != null)) {
                return "not refused: " + said;
            }
            if ((status == 400 || status == 422) && !names(body, field == null ? null : field)) {
                return "refusal names no " + (field == null ? "field" : "'" + field + "'") + ": " + said;
            }
            if (allowedValue != null && status == 400 && !body.contains(allowedValue)) {
                return "enum refusal does not list the allowed values: " + said;
            }
            if ((status == 400 || status == 422) && omitted != null) {
                for (JsonNode error : JSON.readTree(body).path("errors")) {
                    String pointer = error.path("pointer").asString("");
                    String top = pointer.length() > 1 ? pointer.substring(1).split("/")[0] : "";
                    if (omitted.contains(top)) {
                        return "an optional field left out was refused: " + said;
                    }
                }
            }
            return null;
        }

        private static boolean names(String body, String field) {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return false;
            }
            for (JsonNode error : errors) {
                String named = error.has("pointer")
                        ? error.path("pointer").asString()
                        : error.has("parameter")
                                ? error.path("parameter").asString()
                                : error.path("header").asString(null);
                if (named == null || error.path("detail").asString("").isBlank()) {
                    return false;
                }
                if (field == null
                        || named.equals(field)
                        || named.startsWith(field + "/")
                        || named.equalsIgnoreCase(field)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One operation of the document and the requests that probe it. */
    private final class Operation {
        private final JsonNode document;
        private final String template;
        private final String method;
        private final JsonNode op;
        private final Tokens tokens;
        private final List<JsonNode> parameters = new ArrayList<>();

        Operation(JsonNode document, String template, String method, JsonNode op, Tokens tokens) {
            this.document = document;
            this.template = template;
            this.method = method;
            this.op = op;
            this.tokens = tokens;
            op.path("parameters").forEach(p -> parameters.add(resolve(p)));
        }

        List<Probe> probes() {
            List<Probe> probes = new ArrayList<>();
            JsonNode jsonBody = resolve(op.path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema"));
            boolean hasJson = !jsonBody.isMissingNode();
            ObjectNode minimal = hasJson && isObject(jsonBody) ? minimal(jsonBody) : null;
            String minimalBody = !hasJson
                    ? null
                    : minimal != null ? minimal.toString() : example(jsonBody).toString();
            for (JsonNode p : parameters) {
                String name = p.path("name").asString();
                JsonNode schema = resolve(p.path("schema"));
                String in = p.path("in").asString();
                if ("path".equals(in) && isNumeric(schema) && !isPortalToken(name)) {
                    probes.add(send(
                            "bad path id " + name, Map.of(name, "abc"), Map.of(), minimalBody, name, true, null, null));
                }
                if ("query".equals(in)) {
                    // an upload sent without its file may be refused for the missing file first
                    String named = op.has("requestBody") && !hasJson ? null : name;
                    for (String bad : badValues(name, schema)) {
                        probes.add(send(
                                "bad query " + name + "=" + bad,
                                Map.of(),
                                Map.of(name, bad),
                                minimalBody,
                                named,
                                true,
                                null,
                                named == null ? null : enumValue(schema)));
                    }
                    if (isPlainString(schema)) {
                        // free text as far as the document says: may be refused (naming it), never a 5xx
                        probes.add(send(
                                "odd query " + name,
                                Map.of(),
                                Map.of(name, "NO_SUCH_VALUE"),
                                minimalBody,
                                null,
                                false,
                                null,
                                null));
                    }
                }
            }
            if (hasJson) {
                probes.add(send("malformed JSON", Map.of(), Map.of(), "{\"unclosed\": ", null, true, null, null));
                if (!NO_MINIMAL_CALL.contains(method + " " + template) || hasNumericPathId()) {
                    List<String> omitted = new ArrayList<>();
                    properties(jsonBody).forEach(e -> {
                        if (minimal == null || !minimal.has(e.getKey())) {
                            omitted.add(e.getKey());
                        }
                    });
                    probes.add(send(
                            "minimal body " + minimalBody,
                            Map.of(),
                            Map.of(),
                            minimalBody,
                            null,
                            false,
                            omitted,
                            null));
                }
                if (minimal != null) {
                    properties(jsonBody).forEach(e -> {
                        JsonNode schema = resolve(e.getValue());
                        JsonNode wrong = wrongType(schema);
                        if (wrong != null) {
                            ObjectNode body = minimal.deepCopy();
                            body.set(e.getKey(), wrong);
                            probes.add(send(
                                    "wrong type " + body,
                                    Map.of(),
                                    Map.of(),
                                    body.toString(),
                                    "/" + e.getKey(),
                                    true,
                                    null,
                                    wrong.isString() ? enumValue(schema) : null));
                        }
                        if (isPlainString(schema)
                                && (!NO_MINIMAL_CALL.contains(method + " " + template) || hasNumericPathId())) {
                            ObjectNode body = minimal.deepCopy();
                            body.put(e.getKey(), "x".repeat(OVERSIZED));
                            probes.add(send(
                                    "oversized " + e.getKey() + " (" + OVERSIZED + " chars)",
                                    Map.of(),
                                    Map.of(),
                                    body.toString(),
                                    null,
                                    false,
                                    null,
                                    null));
                        }
                    });
                }
            } else if (!NO_MINIMAL_CALL.contains(method + " " + template) || hasNumericPathId()) {
                probes.add(send("plain call", Map.of(), Map.of(), null, null, false, null, null));
            }
            return probes;
        }

        /** The types the document says the operation answers, and problem details. */
        private String accept() {
            Set<String> types = new TreeSet<>();
            op.path("responses")
                    .forEach(r -> resolve(r).path("content").propertyNames().forEach(types::add));
            types.add("application/problem+json");
            return String.join(", ", types);
        }

        private boolean hasNumericPathId() {
            return parameters.stream()
                    .anyMatch(p -> "path".equals(p.path("in").asString()) && isNumeric(resolve(p.path("schema"))));
        }

        private boolean isPortalToken(String name) {
            return template.startsWith("/portal/") && "token".equals(name);
        }

        private Probe send(
                String what,
                Map<String, String> pathValues,
                Map<String, String> query,
                String body,
                String field,
                boolean mustRefuse,
                List<String> omitted,
                String allowedValue) {
            String path = template;
            for (JsonNode p : parameters) {
                String name = p.path("name").asString();
                if ("path".equals(p.path("in").asString())) {
                    JsonNode schema = resolve(p.path("schema"));
                    String value = pathValues.getOrDefault(
                            name,
                            isPortalToken(name)
                                    ? tokens.portal()
                                    : isNumeric(schema)
                                            ? UNKNOWN_ID
                                            : schema.has("enum")
                                                    ? schema.path("enum").get(0).asString()
                                                    : "contract-unknown");
                    path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
            // a path variable the document does not declare is a document bug; the walk still fills it
            StringBuilder uri = new StringBuilder(path.replaceAll("\\{[^}]+}", "contract-unknown"));
            Map<String, String> params = new LinkedHashMap<>();
            for (JsonNode p : parameters) {
                if ("query".equals(p.path("in").asString())
                        && p.path("required").asBoolean(false)) {
                    JsonNode schema = resolve(p.path("schema"));
                    JsonNode value = example(
                            "array".equals(schema.path("type").asString("")) ? resolve(schema.path("items")) : schema);
                    params.put(p.path("name").asString(), value.isString() ? value.asString() : value.toString());
                }
            }
            params.putAll(query);
            String sep = "?";
            for (var e : params.entrySet()) {
                uri.append(sep)
                        .append(e.getKey())
                        .append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = "&";
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", accept())
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            for (JsonNode p : parameters) {
                // the version a change is made on: required on most changes, an alternative to a body field on some
                if ("header".equals(p.path("in").asString())
                        && (p.path("required").asBoolean(false)
                                || "If-Match".equalsIgnoreCase(p.path("name").asString()))) {
                    request.header(p.path("name").asString(), "\"0\"");
                }
            }
            String token = template.startsWith("/monitor/")
                    ? tokens.monitor()
                    : template.startsWith("/portal/") ? null : tokens.admin();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpClient via = template.startsWith("/portal/") ? portalClient() : client;
            try {
                HttpResponse<String> answer = via.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Probe(
                        method + " " + uri + " [" + what + "]", answer, field, mustRefuse, omitted, allowedValue);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + uri + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private JsonNode resolve(JsonNode node) {
            String ref = node.path("$ref").asString(null);
            if (ref == null) {
                return node;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return resolve(target);
        }

        private boolean isObject(JsonNode schema) {
            return "object".equals(schema.path("type").asString()) || schema.has("properties");
        }

        private Iterable<Map.Entry<String, JsonNode>> propertiesIterable(JsonNode schema) {
            return schema.path("properties").properties();
        }

        private java.util.stream.Stream<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
            List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
            propertiesIterable(schema).forEach(list::add);
            return list.stream();
        }

        /** The object with only its required properties, each with a plausible value. */
        private ObjectNode minimal(JsonNode schema) {
            ObjectNode body = NODES.objectNode();
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asString()));
            properties(schema).forEach(e -> {
                if (required.contains(e.getKey())) {
                    body.set(e.getKey(), example(resolve(e.getValue())));
                }
            });
            return body;
        }

        private JsonNode example(JsonNode schema) {
            if (schema.has("enum")) {
                return schema.path("enum").get(0);
            }
            String type = schema.path("type").asString("");
            String format = schema.path("format").asString("");
            return switch (type) {
                case "integer", "number" ->
                    NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
                case "boolean" -> NODES.booleanNode(false);
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                        array.add(example(resolve(schema.path("items"))));
                    }
                    yield array;
                }
                case "string" ->
                    switch (format) {
                        case "date" ->
                            NODES.stringNode(LocalDate.now().plusDays(30).toString());
                        case "date-time" -> NODES.stringNode(LocalDate.now().plusDays(30) + "T00:00:00Z");
                        case "uri" -> NODES.stringNode("https://contract.example/" + unique);
                        case "email" -> NODES.stringNode("contract-" + unique + "@example.com");
                        default -> NODES.stringNode("contract " + unique);
                    };
                default -> isObject(schema) ? minimal(schema) : NODES.objectNode();
            };
        }

        private static boolean isNumeric(JsonNode schema) {
            String type = schema.path("type").asString("");
            return "integer".equals(type) || "number".equals(type);
        }

        private static boolean isPlainString(JsonNode schema) {
            return "string".equals(schema.path("type").asString("")) && !schema.has("enum") && !schema.has("format");
        }

        private static String enumValue(JsonNode schema) {
            JsonNode values = schema.has("enum")
                    ? schema.path("enum")
                    : schema.path("items").path("enum");
            return values.isEmpty() ? null : values.get(values.size() - 1).asString();
        }

        private List<String> badValues(String name, JsonNode schema) {
            if ("page".equals(name)) {
                return List.of("-1", "abc");
            }
            if ("size".equals(name)) {
                return List.of("0", "100000");
            }
            JsonNode items = resolve(schema.path("items"));
            if (schema.has("enum") || items.has("enum")) {
                return List.of("NO_SUCH_VALUE");
            }
            String type = schema.path("type").asString("");
            String itemType = items.path("type").asString("");
            return switch (type) {
                case "integer", "number" -> List.of("abc");
                case "boolean" -> List.of("maybe");
                case "array" -> "integer".equals(itemType) ? List.of("1,abc") : List.of();
                case "string" ->
                    switch (schema.path("format").asString("")) {
                        case "date" -> List.of("2026-13-45");
                        case "date-time" -> List.of("yesterday");
                        default -> List.of();
                    };
                default -> List.of();
            };
        }

        private JsonNode wrongType(JsonNode schema) {
            if (schema.has("enum")) {
                return NODES.stringNode("NO_SUCH_VALUE");
            }
            return switch (schema.path("type").asString("")) {
                case "integer", "number" -> NODES.stringNode("abc");
                case "boolean" -> NODES.stringNode("maybe");
                case "array" -> NODES.objectNode().put("not", "a list");
                case "string" ->
                    switch (schema.path("format").asString("")) {
                        case "date" -> NODES.stringNode("2026-13-45");
                        case "date-time" -> NODES.stringNode("yesterday");
                        default -> NODES.objectNode().put("not", "a string");
                    };
                case "object" -> schema.has("properties") ? NODES.stringNode("not an object") : null;
                default -> null;
            };
        }
    }

    private HttpClient portalClient;

    /** Portal calls come from 127.0.0.2: the portal's per-address rate limit of 127.0.0.1 stays for other tests. */
    private HttpClient portalClient() {
        if (portalClient == null) {
            try {
                portalClient = HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName("127.0.0.2"))
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return portalClient;
    }
}
