package dev.aegis.monitor.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortingTest {

    @Test
    void the_radix_sort_orders_exactly_as_arrays_sort_including_signed_zeros_and_extremes() {
        Random random = new Random(11);
        double[] values = new double[50_000];
        double[] specials = {
            0.0,
            -0.0,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            1e-300,
            -1e300,
            42.0,
            42.0,
            -42.0
        };
        for (int i = 0; i < values.length; i++) {
            values[i] =
                    i < specials.length ? specials[i] : random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10);
        }
        double[] before = values.clone();
        double[] expected = values.clone();
        Arrays.sort(expected);

        double[] sorted = Sorting.sortedCopy(values, "test");

        assertThat(sorted).containsExactly(expected);
        assertThat(values).containsExactly(before);
    }

    @Test
    void non_finite_values_are_refused_by_both_paths() {
        double[] large = new double[10_000];
        large[1234] = Double.NaN;
        assertThatThrownBy(() -> Sorting.sortedCopy(large, "current")).hasMessageContaining("current sample");
        large[1234] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> NumericReference.of(large)).hasMessageContaining("NaN or infinite");
    }
}
