package dev.aegis.monitor.stats;

import static dev.aegis.monitor.stats.Fixtures.P_VALUE_TOLERANCE;
import static dev.aegis.monitor.stats.Fixtures.STATISTIC_TOLERANCE;
import static dev.aegis.monitor.stats.Fixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class NumericDriftTest {

    static List<JsonNode> cases() {
        return Fixtures.cases("numeric.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void every_figure_matches_scipy_and_numpy(JsonNode expected) {
        double[] reference = Fixtures.doubles(expected.get("reference"));
        double[] current = Fixtures.doubles(expected.get("current"));

        NumericDrift drift = NumericDrift.between(reference, current);

        String name = expected.get("name").asString();
        assertThat(drift.referenceCount()).isEqualTo(reference.length);
        assertThat(drift.currentCount()).isEqualTo(current.length);
        double[] edges = Fixtures.doubleList(expected.get("binEdges"));
        for (int i = 0; i < edges.length; i++) {
            assertClose(name + " edge " + i, drift.binEdges()[i], edges[i], STATISTIC_TOLERANCE);
        }
        assertThat(drift.referenceBinCounts())
                .as(name)
                .containsExactly(Fixtures.longs(expected.get("referenceBinCounts")));
        assertThat(drift.currentBinCounts()).as(name).containsExactly(Fixtures.longs(expected.get("currentBinCounts")));
        assertClose(name + " PSI", drift.psi(), expected.get("psi"), STATISTIC_TOLERANCE);
        assertClose(name + " JS", drift.jensenShannon(), expected.get("jensenShannon"), STATISTIC_TOLERANCE);
        assertClose(name + " KS D", drift.ksStatistic(), expected.get("ksStatistic"), STATISTIC_TOLERANCE);
        assertClose(name + " KS p", drift.ksPValue(), expected.get("ksPValue"), P_VALUE_TOLERANCE);
        assertClose(name + " W1", drift.wasserstein(), expected.get("wasserstein"), STATISTIC_TOLERANCE);
        assertClose(
                name + " sd",
                drift.referenceStandardDeviation(),
                expected.get("referenceStandardDeviation"),
                STATISTIC_TOLERANCE);
        assertClose(
                name + " W1/sd",
                drift.wassersteinNormalized(),
                expected.get("wassersteinNormalized"),
                STATISTIC_TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_prepared_reference_gives_the_same_figures_and_leaves_the_inputs_alone(JsonNode expected) {
        double[] reference = Fixtures.doubles(expected.get("reference"));
        double[] current = Fixtures.doubles(expected.get("current"));
        double[] referenceBefore = reference.clone();
        double[] currentBefore = current.clone();

        NumericDrift once = NumericDrift.between(reference, current);
        NumericReference prepared = NumericReference.of(reference);
        NumericDrift twice = prepared.compare(current);
        double[] sortedCurrent = current.clone();
        Arrays.sort(sortedCurrent);

        assertThat(twice).isEqualTo(once);
        assertThat(prepared.compareSorted(sortedCurrent)).isEqualTo(once);
        assertThat(reference).containsExactly(referenceBefore);
        assertThat(current).containsExactly(currentBefore);
    }

    @Test
    void quantiles_interpolate_linearly_like_numpy() {
        double[] sorted = {1, 2, 3, 4, 10};
        assertThat(NumericReference.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(NumericReference.quantile(sorted, 0.9))
                .isEqualTo(7.6000000000000005); // numpy.quantile([1,2,3,4,10], 0.9), bit for bit
        assertThat(NumericReference.quantile(sorted, 1.0)).isEqualTo(10.0);
        assertThat(NumericReference.quantile(new double[] {42}, 0.3)).isEqualTo(42.0);
    }

    @Test
    void values_on_an_edge_fall_in_the_bin_the_edge_closes() {
        // deciles of 1..10 are 1.9, 2.8, ... 9.1; a reference with ties puts edges right on values
        NumericReference reference = NumericReference.of(new double[] {1, 1, 1, 1, 1, 2, 2, 2, 2, 2});
        assertThat(reference.binEdges()).containsExactly(1, 1, 1, 1, 1.5, 2, 2, 2, 2);
        NumericDrift drift = reference.compare(new double[] {1, 2, 3});
        assertThat(drift.currentBinCounts()).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void empty_or_non_finite_samples_are_refused() {
        assertThatThrownBy(() -> NumericDrift.between(new double[0], new double[] {1}))
                .hasMessageContaining("reference sample is empty");
        assertThatThrownBy(() -> NumericDrift.between(new double[] {1}, new double[] {2, Double.NaN}))
                .hasMessageContaining("current sample holds NaN");
        assertThatThrownBy(() -> NumericDrift.between(new double[] {Double.NEGATIVE_INFINITY}, new double[] {1}))
                .hasMessageContaining("reference sample holds NaN or infinite");
        assertThatThrownBy(() -> NumericReference.of(new double[] {1, 2}).compareSorted(new double[] {2, 1}))
                .hasMessageContaining("not sorted");
    }

    @Test
    void a_constant_reference_has_no_normalized_wasserstein() {
        NumericDrift drift = NumericDrift.between(new double[] {3, 3, 3}, new double[] {3, 4});
        assertThat(drift.wasserstein()).isEqualTo(0.5);
        assertThat(drift.wassersteinNormalized()).isNaN();
    }

    @Test
    void large_samples_are_sorted_side_by_side_with_the_same_result() {
        java.util.Random random = new java.util.Random(7);
        double[] reference = random.doubles(200_000).toArray();
        double[] current = random.doubles(150_000).map(x -> x * 1.1).toArray();
        double[] a = reference.clone();
        double[] b = current.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertThat(NumericDrift.between(reference, current))
                .isEqualTo(NumericReference.ofSorted(a).compareSorted(b));
    }
}
