package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.batch;
import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.shared.MetricVocabulary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Data quality per feature and window: missing values, numeric values outside the reference's range and categories the
 * reference never had, as exact shares that alert rules watch like any other figure.
 */
@AegisTest
class DataQualityTest {

    @LocalServerPort
    int port;

    @Autowired
    MonitorFixtures fixtures;

    @Autowired
    FigureEvaluation evaluation;

    @Autowired
    AlertService alerts;

    Http http() {
        return new Http(port);
    }

    /** An event whose features are given as JSON members ("" for none). */
    static String event(String id, Instant at, String features) {
        return """
                {"requestId": "%s", "timestamp": "%s", "latencyMs": 5, "outcome": "ok", "features": {%s},
                 "predictedLabel": "1"}""".formatted(id, at, features);
    }

    @Test
    void missing_values_out_of_range_values_and_new_categories_are_exact_shares_of_the_window() {
        String token = fixtures.token();
        String name = uniqueName("quality");
        assertThat(http().post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        assertThat(http().post("/monitor/v1/deployments/" + name + "/rules", token, """
                                {"metric": "MISSING_VALUE_RATE", "comparison": "GT", "threshold": 0.1,
                                 "resolution": "1h", "minSamples": 10}""")
                        .statusCode())
                .isEqualTo(201);

        // reference: ages 20 to 60, regions north, south, east
        List<String> reference = new ArrayList<>();
        Instant refTime = Instant.now().minus(Duration.ofDays(2));
        String[] regions = {"north", "south", "east"};
        for (int i = 0; i < 30; i++) {
            reference.add(event(
                    "ref-" + i,
                    refTime,
                    "\"age\": %d, \"region\": \"%s\"".formatted(20 + (i % 5) * 10, regions[i % 3])));
        }
        assertThat(Http.json(http().post(
                                        "/monitor/v1/deployments/" + name + "/events?reference=validation",
                                        token,
                                        batch(reference)))
                        .path("accepted")
                        .asInt())
                .isEqualTo(30);

        // the window: 20 events
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(1));
        List<String> window = new ArrayList<>();
        // 2 without an age, 2 with a null age: 4 of 20 missing
        window.add(event("w-0", start, "\"region\": \"north\""));
        window.add(event("w-1", start, "\"region\": \"south\""));
        window.add(event("w-2", start, "\"age\": null, \"region\": \"east\""));
        window.add(event("w-3", start, "\"age\": null, \"region\": \"west\""));
        // 16 ages, 3 outside [20, 60]: 10 below, 65 and 70 above (60 and 20 themselves are inside)
        window.add(event("w-4", start, "\"age\": 10, \"region\": \"west\""));
        window.add(event("w-5", start, "\"age\": 65, \"region\": \"centre\""));
        window.add(event("w-6", start, "\"age\": 70"));
        window.add(event("w-7", start, "\"age\": 60"));
        window.add(event("w-8", start, "\"age\": 20"));
        // 5 without a region (w-6, w-7, w-8 above, w-9, w-10): 15 regions, 3 never seen (west twice, centre)
        window.add(event("w-9", start, "\"age\": 41.5"));
        window.add(event("w-10", start, "\"age\": 33, \"region\": null"));
        for (int i = 11; i < 20; i++) {
            window.add(
                    event("w-" + i, start.plusSeconds(i), "\"age\": 45, \"region\": \"%s\"".formatted(regions[i % 3])));
        }
        assertThat(Http.json(http().post("/monitor/v1/deployments/" + name + "/events", token, batch(window)))
                        .path("accepted")
                        .asInt())
                .isEqualTo(20);

        Instant end = start.plus(Duration.ofHours(1));
        evaluation.evaluate(end);
        alerts.evaluate(end);

        JsonNode missingAge = figure(token, name, "MISSING_VALUE_RATE", "age", start, end);
        assertThat(missingAge.path("value").asDouble()).isEqualTo(4 / 20.0);
        assertThat(missingAge.path("sampleSize").asLong()).isEqualTo(20);
        assertThat(figure(token, name, "MISSING_VALUE_RATE", "region", start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(5 / 20.0);
        JsonNode range = figure(token, name, "OUT_OF_RANGE_RATE", "age", start, end);
        assertThat(range.path("value").asDouble()).isEqualTo(3 / 16.0);
        assertThat(range.path("sampleSize").asLong()).isEqualTo(16);
        assertThat(range.path("referenceSize").asLong()).isEqualTo(30);
        assertThat(range.path("detail").path("below").asLong()).isEqualTo(1);
        assertThat(range.path("detail").path("above").asLong()).isEqualTo(2);
        assertThat(range.path("binEdges").get(0).asDouble()).isEqualTo(20.0);
        assertThat(range.path("binEdges").get(1).asDouble()).isEqualTo(60.0);
        JsonNode unseen = figure(token, name, "NEW_CATEGORY_RATE", "region", start, end);
        assertThat(unseen.path("value").asDouble()).isEqualTo(3 / 15.0);
        assertThat(unseen.path("sampleSize").asLong()).isEqualTo(15);
        assertThat(unseen.path("detail").path("categories").path("west").asLong())
                .isEqualTo(2);
        assertThat(unseen.path("detail").path("categories").path("centre").asLong())
                .isEqualTo(1);

        JsonNode open = Http.json(http().get("/monitor/v1/alerts?state=OPEN&deployment=" + name, token));
        List<String> raised = new ArrayList<>();
        open.forEach(a ->
                raised.add(a.path("metric").asString() + ":" + a.path("subject").asString()));
        assertThat(raised)
                .as("a rule without subject watches each feature: 20 % and 25 % missing both breach 10 %")
                .contains("MISSING_VALUE_RATE:age", "MISSING_VALUE_RATE:region");
    }

    @Test
    void without_a_reference_only_missing_values_are_counted() {
        String token = fixtures.token();
        String name = uniqueName("quality");
        assertThat(http().post(
                                "/monitor/v1/deployments",
                                token,
                                deploymentJson(name, null)
                                        .replace(
                                                "\"reference\": {\"kind\": \"BATCH\", \"batch\": \"validation\"}",
                                                "\"reference\": {\"kind\": \"NONE\"}"))
                        .statusCode())
                .isEqualTo(201);
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(1));
        List<String> window = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            window.add(event("n-" + i, start, i < 2 ? "" : "\"age\": 99, \"region\": \"nowhere\""));
        }
        http().post("/monitor/v1/deployments/" + name + "/events", token, batch(window));
        Instant end = start.plus(Duration.ofHours(1));
        evaluation.evaluate(end);

        assertThat(figure(token, name, "MISSING_VALUE_RATE", "age", start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(2 / 8.0);
        var list = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/figures?resolution=1h&from=" + start + "&to=" + end,
                        token));
        List<String> metrics = new ArrayList<>();
        list.forEach(f -> metrics.add(f.path("metric").asString()));
        assertThat(metrics).doesNotContain("OUT_OF_RANGE_RATE", "NEW_CATEGORY_RATE");
    }

    @Test
    void the_data_quality_metrics_read_as_words_in_per_cent() {
        assertThat(MetricVocabulary.metric("MISSING_VALUE_RATE", "age")).isEqualTo("Missing values of age");
        assertThat(MetricVocabulary.format("OUT_OF_RANGE_RATE", 3 / 16.0)).isEqualTo("18.75 %");
        assertThat(MetricVocabulary.metric("NEW_CATEGORY_RATE")).isEqualTo("Categories not in the reference");
    }

    private JsonNode figure(String token, String name, String metric, String subject, Instant from, Instant to) {
        var list = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/figures?resolution=1h&metric=" + metric + "&from=" + from
                                + "&to=" + to,
                        token));
        for (JsonNode f : list) {
            if (subject.equals(f.path("subject").asString())) {
                return f;
            }
        }
        throw new AssertionError("no " + metric + " figure of " + subject + " in " + list);
    }
}
