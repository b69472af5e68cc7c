package dev.aegis.monitor.stats;

import static dev.aegis.monitor.stats.Fixtures.STATISTIC_TOLERANCE;
import static dev.aegis.monitor.stats.Fixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class FairnessTest {

    static List<JsonNode> cases() {
        return Fixtures.cases("fairness.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_figure_matches_the_fairlearn_definitions_computed_with_numpy(JsonNode expected) {
        String[] groups =
                expected.get("groups").valueStream().map(JsonNode::asString).toArray(String[]::new);
        int[] predicted = Fixtures.ints(expected.get("predicted"));
        boolean labelled = !expected.get("actual").isNull();

        Fairness fairness = labelled
                ? Fairness.of(groups, predicted, Fixtures.ints(expected.get("actual")))
                : Fairness.of(groups, predicted);

        String name = expected.get("name").asString();
        assertThat(fairness.groups()).hasSize(expected.get("figures").size());
        for (int i = 0; i < fairness.groups().size(); i++) {
            Fairness.Group group = fairness.groups().get(i);
            JsonNode figures = expected.get("figures").get(i);
            assertThat(group.group()).isEqualTo(figures.get("group").asString());
            assertThat(group.count()).isEqualTo(figures.get("count").asLong());
            assertClose(
                    name + " selection rate", group.selectionRate(), figures.get("selectionRate"), STATISTIC_TOLERANCE);
            if (labelled) {
                assertClose(
                        name + " TPR", group.truePositiveRate(), figures.get("truePositiveRate"), STATISTIC_TOLERANCE);
                assertClose(
                        name + " FPR",
                        group.falsePositiveRate(),
                        figures.get("falsePositiveRate"),
                        STATISTIC_TOLERANCE);
            } else {
                assertThat(group.truePositiveRate()).isNull();
                assertThat(group.falsePositiveRate()).isNull();
            }
        }
        assertClose(
                name + " DPD",
                fairness.demographicParityDifference(),
                expected.get("demographicParityDifference"),
                STATISTIC_TOLERANCE);
        assertClose(
                name + " DI",
                fairness.disparateImpactRatio(),
                expected.get("disparateImpactRatio"),
                STATISTIC_TOLERANCE);
        if (labelled) {
            assertClose(
                    name + " EOpD",
                    fairness.equalOpportunityDifference(),
                    expected.get("equalOpportunityDifference"),
                    STATISTIC_TOLERANCE);
            assertClose(
                    name + " EOdD",
                    fairness.equalizedOddsDifference(),
                    expected.get("equalizedOddsDifference"),
                    STATISTIC_TOLERANCE);
        } else {
            assertThat(fairness.equalOpportunityDifference()).isNull();
            assertThat(fairness.equalizedOddsDifference()).isNull();
        }
    }
}
