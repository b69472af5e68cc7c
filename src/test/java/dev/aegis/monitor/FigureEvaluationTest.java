package dev.aegis.monitor;

import static dev.aegis.monitor.MonitorFixtures.batch;
import static dev.aegis.monitor.MonitorFixtures.deploymentJson;
import static dev.aegis.monitor.MonitorFixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aegis.AegisTest;
import dev.aegis.Http;
import dev.aegis.monitor.stats.CategoricalDrift;
import dev.aegis.monitor.stats.Fairness;
import dev.aegis.monitor.stats.NumericDrift;
import dev.aegis.monitor.stats.Performance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The drift, fairness and performance evaluation, end to end over the monitor's HTTP API. */
@AegisTest
class FigureEvaluationTest {

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

    static String event(String id, Instant at, double age, String region, String label, String group) {
        return """
                {"requestId": "%s", "timestamp": "%s", "latencyMs": 5, "outcome": "ok",
                 "features": {"age": %s, "region": "%s"}, "predictedLabel": "%s", "group": "%s"}""".formatted(id, at, age, region, label, group);
    }

    @Test
    void a_shifted_window_gets_the_figures_numeric_drift_computes_and_opens_a_psi_alert() {
        String token = fixtures.token();
        String name = uniqueName("drift");
        assertThat(http().post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        Random random = new Random(7);
        String[] regions = {"north", "south", "east"};

        // reference: ages around 40, regions evenly, label 1 for half of both groups
        int n = 1_000;
        double[] ref = new double[n];
        List<String> refEvents = new ArrayList<>();
        Map<String, Long> refRegions = new java.util.HashMap<>();
        Instant refTime = Instant.now().minus(Duration.ofDays(2));
        for (int i = 0; i < n; i++) {
            ref[i] = 40 + 10 * random.nextGaussian();
            String region = regions[i % 3];
            refRegions.merge(region, 1L, Long::sum);
            refEvents.add(event("ref-" + i, refTime, ref[i], region, i % 2 == 0 ? "1" : "0", i % 2 == 0 ? "f" : "m"));
        }
        var refAnswer = http().post(
                        "/monitor/v1/deployments/" + name + "/events?reference=validation", token, batch(refEvents));
        assertThat(Http.json(refAnswer).path("accepted").asInt()).isEqualTo(n);

        // current, in the last complete hour: ages shifted by 8, more "north", group f selected far more often
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(1));
        double[] cur = new double[n];
        List<String> curEvents = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String[] groups = new String[n];
        int[] predicted = new int[n];
        int[] actual = new int[n];
        Map<String, Long> curRegions = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            cur[i] = 48 + 10 * random.nextGaussian();
            String region = i % 5 < 3 ? "north" : regions[i % 3];
            curRegions.merge(region, 1L, Long::sum);
            groups[i] = i % 2 == 0 ? "f" : "m";
            predicted[i] = groups[i].equals("f") ? (i % 10 < 8 ? 1 : 0) : (i % 10 < 3 ? 1 : 0);
            actual[i] = i % 3 == 0 ? 1 - predicted[i] : predicted[i];
            curEvents.add(event(
                    "cur-" + i,
                    start.plusMillis(i * 3_000L),
                    cur[i],
                    region,
                    Integer.toString(predicted[i]),
                    groups[i]));
            labels.add("{\"requestId\": \"cur-%d\", \"label\": \"%d\"}".formatted(i, actual[i]));
        }
        assertThat(Http.json(http().post("/monitor/v1/deployments/" + name + "/events", token, batch(curEvents)))
                        .path("accepted")
                        .asInt())
                .isEqualTo(n);
        assertThat(Http.json(http().post("/monitor/v1/deployments/" + name + "/labels", token, batch(labels)))
                        .path("accepted")
                        .asInt())
                .isEqualTo(n);

        Instant end = start.plus(Duration.ofHours(1));
        evaluation.evaluate(end);
        alerts.evaluate(end);

        NumericDrift expected = NumericDrift.between(ref, cur);
        JsonNode psi = figure(token, name, "PSI", "age", start, end);
        assertThat(psi.path("value").asDouble()).isEqualTo(expected.psi());
        assertThat(psi.path("sampleSize").asLong()).isEqualTo(n);
        assertThat(psi.path("referenceSize").asLong()).isEqualTo(n);
        assertThat(psi.path("reference").path("batch").asString()).isEqualTo("validation");
        assertThat(psi.path("binEdges").size()).isEqualTo(9);
        for (int i = 0; i < 9; i++) {
            assertThat(psi.path("binEdges").get(i).asDouble()).isEqualTo(expected.binEdges()[i]);
        }
        assertThat(figure(token, name, "KS_STATISTIC", "age", start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(expected.ksStatistic());
        assertThat(figure(token, name, "KS_P_VALUE", "age", start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(expected.ksPValue());
        assertThat(figure(token, name, "WASSERSTEIN", "age", start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(expected.wasserstein());

        CategoricalDrift regionDrift = CategoricalDrift.between(refRegions, curRegions);
        assertThat(figure(token, name, "CHI2_P_VALUE", "region", start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(regionDrift.pValue());
        assertThat(figure(token, name, "PSI", FigureEvaluation.PREDICTED_LABEL, start, end)
                        .path("value")
                        .isNumber())
                .isTrue();

        Fairness fairness = Fairness.of(groups, predicted, actual);
        assertThat(figure(token, name, "DEMOGRAPHIC_PARITY_DIFFERENCE", null, start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(fairness.demographicParityDifference());
        assertThat(figure(token, name, "SELECTION_RATE", "f", start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(fairness.groups().getFirst().selectionRate());
        assertThat(figure(token, name, "EQUALIZED_ODDS_DIFFERENCE", null, start, end)
                        .path("value")
                        .asDouble())
                .isEqualTo(fairness.equalizedOddsDifference());
        assertThat(figure(token, name, "F1", null, start, end).path("value").asDouble())
                .isEqualTo(Performance.of(actual, predicted).f1());

        var open = Http.json(http().get("/monitor/v1/alerts?state=OPEN&deployment=" + name, token));
        List<String> metrics = new ArrayList<>();
        open.forEach(a -> metrics.add(
                a.path("metric").asString() + ":" + a.path("subject").asString()));
        assertThat(metrics).contains("PSI:age", "DEMOGRAPHIC_PARITY_DIFFERENCE:");
        assertThat(expected.psi()).isGreaterThan(0.2);
    }

    @Test
    void labels_that_arrive_after_the_window_was_evaluated_are_counted_at_the_next_evaluation() {
        String token = fixtures.token();
        String name = uniqueName("late");
        assertThat(http().post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(1));
        Instant end = start.plus(Duration.ofHours(1));
        List<String> events = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int[] predicted = new int[20];
        int[] actual = new int[20];
        for (int i = 0; i < 20; i++) {
            predicted[i] = i % 2;
            actual[i] = i % 4 == 0 ? 1 : predicted[i];
            events.add(event(
                    "late-" + i,
                    start.plusSeconds(60L * i),
                    30 + i,
                    "north",
                    Integer.toString(predicted[i]),
                    i % 2 == 0 ? "f" : "m"));
            labels.add("{\"requestId\": \"late-%d\", \"label\": \"%d\"}".formatted(i, actual[i]));
        }
        http().post("/monitor/v1/deployments/" + name + "/events", token, batch(events));
        evaluation.evaluate(end);
        assertThat(Http.json(http().get(
                                "/monitor/v1/deployments/" + name + "/figures?resolution=1h&metric=F1&from=" + start
                                        + "&to=" + end,
                                token)))
                .isEmpty();

        http().post("/monitor/v1/deployments/" + name + "/labels", token, batch(labels));
        evaluation.evaluate(end);

        assertThat(figure(token, name, "F1", null, start, end).path("value").asDouble())
                .isEqualTo(Performance.of(actual, predicted).f1());
        assertThat(Http.json(http().get(
                                "/monitor/v1/deployments/" + name + "/figures?resolution=1h&metric=SELECTION_RATE"
                                        + "&from=" + start + "&to=" + end,
                                token)))
                .hasSize(2);
    }

    @Test
    void a_window_larger_than_the_evaluation_holds_is_evaluated_on_a_bounded_sample() {
        String token = fixtures.token();
        String name = uniqueName("bounded");
        assertThat(http().post("/monitor/v1/deployments", token, deploymentJson(name, null))
                        .statusCode())
                .isEqualTo(201);
        // two hours back: the schedule evaluates only the newest complete hour, so it cannot take this window first
        Instant start = Resolution.ONE_HOUR.floor(Instant.now()).minus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(1));
        Random random = new Random(11);
        List<String> reference = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            reference.add(event(
                    "bref-" + i, start.minus(Duration.ofDays(2)), 40 + 10 * random.nextGaussian(), "north", "1", "f"));
            current.add(event(
                    "bcur-" + i,
                    start.plusMillis(i * 1_000L),
                    60 + 10 * random.nextGaussian(),
                    "north",
                    i % 2 == 0 ? "1" : "0",
                    i % 2 == 0 ? "f" : "m"));
        }
        http().post("/monitor/v1/deployments/" + name + "/events?reference=validation", token, batch(reference));
        http().post("/monitor/v1/deployments/" + name + "/events", token, batch(current));

        // the bean is a proxy (scheduling lock): the setting lives on the object behind it
        FigureEvaluation target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(evaluation);
        long before = target.maxValues;
        target.maxValues = 200;
        try {
            evaluation.evaluate(end);
        } finally {
            target.maxValues = before;
        }

        JsonNode psi = figure(token, name, "PSI", "age", start, end);
        assertThat(psi.path("sampleSize").asLong()).isBetween(50L, 500L);
        assertThat(psi.path("referenceSize").asLong()).isBetween(50L, 500L);
        assertThat(psi.path("value").asDouble()).isGreaterThan(0.2);
        assertThat(figure(token, name, "DEMOGRAPHIC_PARITY_DIFFERENCE", null, start, end)
                        .path("sampleSize")
                        .asLong())
                .isBetween(50L, 500L);
    }

    private JsonNode figure(String token, String name, String metric, String subject, Instant from, Instant to) {
        var list = Http.json(http().get(
                        "/monitor/v1/deployments/" + name + "/figures?resolution=1h&metric=" + metric + "&from=" + from
                                + "&to=" + to,
                        token));
        for (JsonNode f : list) {
            if (subject == null
                    ? f.path("subject").isNull() || f.path("subject").isMissingNode()
                    : subject.equals(f.path("subject").asString())) {
                return f;
            }
        }
        throw new AssertionError("no " + metric + " figure of " + subject + " in " + list);
    }
}
