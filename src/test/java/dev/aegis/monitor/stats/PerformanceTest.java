package dev.aegis.monitor.stats;

import static dev.aegis.monitor.stats.Fixtures.STATISTIC_TOLERANCE;
import static dev.aegis.monitor.stats.Fixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class PerformanceTest {

    static List<JsonNode> cases() {
        return Fixtures.cases("performance.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_figure_matches_the_scikit_learn_definitions_computed_with_numpy(JsonNode expected) {
        Performance performance =
                Performance.of(Fixtures.ints(expected.get("actual")), Fixtures.ints(expected.get("predicted")));

        String name = expected.get("name").asString();
        assertThat(performance.count()).isEqualTo(expected.get("actual").size());
        assertClose(name + " accuracy", performance.accuracy(), expected.get("accuracy"), STATISTIC_TOLERANCE);
        assertClose(name + " precision", performance.precision(), expected.get("precision"), STATISTIC_TOLERANCE);
        assertClose(name + " recall", performance.recall(), expected.get("recall"), STATISTIC_TOLERANCE);
        assertClose(name + " F1", performance.f1(), expected.get("f1"), STATISTIC_TOLERANCE);
        assertThat(performance.average()).isEqualTo(expected.get("average").asString());
        assertThat(performance.labels())
                .containsExactlyElementsOf(expected.get("labels")
                        .valueStream()
                        .map(JsonNode::asInt)
                        .toList());
    }
}
