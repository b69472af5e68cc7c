package dev.aegis.monitor.stats;

import static dev.aegis.monitor.stats.Fixtures.P_VALUE_TOLERANCE;
import static dev.aegis.monitor.stats.Fixtures.STATISTIC_TOLERANCE;
import static dev.aegis.monitor.stats.Fixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class CategoricalDriftTest {

    static List<JsonNode> cases() {
        return Fixtures.cases("categorical.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_figure_matches_scipy_and_numpy(JsonNode expected) {
        CategoricalDrift drift =
                CategoricalDrift.between(counts(expected.get("reference")), counts(expected.get("current")));

        String name = expected.get("name").asString();
        List<String> categories =
                expected.get("categories").valueStream().map(JsonNode::asString).toList();
        assertThat(drift.categories()).isEqualTo(categories);
        assertClose(name + " chi2", drift.chiSquare(), expected.get("chiSquare"), STATISTIC_TOLERANCE);
        assertThat(drift.degreesOfFreedom())
                .isEqualTo(expected.get("degreesOfFreedom").asInt());
        assertClose(name + " p", drift.pValue(), expected.get("pValue"), P_VALUE_TOLERANCE);
        assertClose(name + " PSI", drift.psi(), expected.get("psi"), STATISTIC_TOLERANCE);
        assertClose(name + " JS", drift.jensenShannon(), expected.get("jensenShannon"), STATISTIC_TOLERANCE);
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.properties()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
        return counts;
    }

    @Test
    void an_empty_window_is_refused() {
        assertThatThrownBy(() -> CategoricalDrift.between(Map.of("a", 3L), Map.of("a", 0L)))
                .hasMessageContaining("current window has no observations");
        assertThatThrownBy(() -> CategoricalDrift.between(List.of("a"), new long[] {-1}, new long[] {1}))
                .hasMessageContaining("negative");
    }
}
